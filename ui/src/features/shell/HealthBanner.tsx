import { useState } from "react";
import type { Health } from "../../bindings/Health";
import { Banner } from "../../components/Banner";
import { useFetched } from "../../lib/useFetched";
import { bookApi } from "../book/api";

/**
 * The book is checked whole once it is open, in the background: when
 * something fails (a damaged file, a trigger dropped, an approved run
 * changed outside Partnerbook), a banner says what, and where to turn.
 */
export function HealthBanner({ bookPath }: { bookPath: string }) {
  const health = useFetched<Health>(`health:${bookPath}`, () => bookApi.check());
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
