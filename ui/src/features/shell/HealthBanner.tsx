import { useEffect, useState } from "react";
import type { Health } from "../../bindings/Health";
import { Banner } from "../../components/Banner";
import { useFetched } from "../../lib/useFetched";
import { bookApi } from "../book/api";

/**
 * The book is checked whole a few seconds after it opens, in the background: when
 * something fails (a damaged file, a trigger dropped, an approved run
 * changed outside Partnerbook), a banner says what, and where to turn.
 */
export function HealthBanner({ bookPath, delayMs = 3000 }: { bookPath: string; delayMs?: number }) {
  // Once the first screen is up: reading a big book end to end competes with it.
  const [due, setDue] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  const health = useFetched<Health | null>(`health:${bookPath}:${due}`, () => (due ? bookApi.check() : Promise.resolve(null)));
  const [dismissed, setDismissed] = useState(false);
  const h = health.data;
  if (!h || dismissed) return null;
  const problems = [...h.integrity.filter((i) => i !== "ok").map((i) => `The file: ${i}`), ...h.problems];
  if (problems.length === 0) return null;
  return (
    <div className="shell-health">
      <Banner testId="book-health" onDismiss={() => setDismissed(true)}>
        The check of this book found {problems.length === 1 ? "a problem" : `${problems.length} problems`}: {problems.join("; ")}. Payment
        files and statements of a changed run are refused; Settings → Backups can restore an earlier copy.
      </Banner>
    </div>
  );
}
