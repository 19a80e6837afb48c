import { CheckCircle2, CircleDashed } from "lucide-react";
import type { MonthEnd } from "../../bindings/MonthEnd";
import { formatDateTime } from "../../lib/format";
import { useFetched } from "../../lib/useFetched";
import { payoutsApi } from "./api";

const TITLES: Record<string, string> = {
  approve: "Approved",
  files: "Payment files",
  statements: "Statements",
  emails: "Statement emails",
  paid: "Marked paid",
};

/**
 * A run's month-end, read back from the book whenever the run is opened:
 * each step done or what is left, and a timeline of what was done, with
 * every file's hash.
 */
export function RunChecklist({ runId, version }: { runId: number; version: number }) {
  const fetched = useFetched<MonthEnd>(`month-end:${runId}:${version}`, () => payoutsApi.monthEnd(runId));
  const m = fetched.data;
  if (!m || m.steps.length < 2) return null;
  return (
    <section className="po-panel po-checklist" aria-label="Month-end checklist" data-testid="run-checklist">
      <ol className="po-checklist-steps">
        {m.steps.map((s) => (
          <li key={s.key} className={s.done ? "po-step-done" : "po-step-open"} data-testid="run-checklist-step" data-key={s.key} data-done={s.done}>
            {s.done ? <CheckCircle2 size={16} aria-label="Done" /> : <CircleDashed size={16} aria-label="To do" />}
            <span>
              <strong>{TITLES[s.key] ?? s.key}</strong>
              <span className="muted po-checklist-detail">{s.detail}</span>
            </span>
          </li>
        ))}
      </ol>
      <details className="po-timeline" data-testid="run-timeline">
        <summary>What was done ({m.events.length})</summary>
        <ul>
          {m.events.map((e, i) => (
            <li key={i}>
              <span className="num muted">{formatDateTime(e.at)}</span> {e.what}
              {e.sha256 && (
                <span className="po-mono muted" title={`SHA-256 ${e.sha256}`}>
                  {" "}
                  {e.sha256.slice(0, 12)}
                </span>
              )}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
