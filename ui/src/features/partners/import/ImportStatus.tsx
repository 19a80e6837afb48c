import { CheckCircle2 } from "lucide-react";
import { useEffect, useRef } from "react";
import type { ImportReport } from "../../../bindings/ImportReport";
import { Banner } from "../../../components/Banner";
import { ProgressBar } from "../../../components/ProgressBar";
import { describeError } from "../../../lib/errors";
import { formatCount, plural } from "../../../lib/format";
import type { JobState } from "./useImportJob";

/** What the last check or import did: progress, counts, or the error. */
export function ImportStatus({ state }: { state: JobState }) {
  const ref = useRef<HTMLDivElement>(null);
  // Bring each new result into view: it sits below a possibly long mapping.
  useEffect(() => ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" }), [state.phase]);
  return (
    <div ref={ref} className="import-status">
      <StatusBody state={state} />
    </div>
  );
}

function StatusBody({ state }: { state: JobState }) {
  switch (state.phase) {
    case "idle":
      return null;
    case "running": {
      const p = state.progress;
      const label = state.dryRun ? "Checking" : "Importing";
      return (
        <div className="import-progress" data-testid="import-progress">
          <div className="import-progress-text">
            <span>{p?.step ? `${label}: ${p.step}` : `${label}…`}</span>
            {p && p.total > 0 && (
              <span className="num muted">
                {formatCount(p.done)} / {formatCount(p.total)}
              </span>
            )}
          </div>
          <ProgressBar done={p?.done ?? 0} total={p?.total ?? 0} label={label} />
        </div>
      );
    }
    case "failed":
      return (
        <Banner testId="import-error">
          {state.error.code === "cancelled" ? "Import cancelled; nothing was changed." : describeError(state.error)}
        </Banner>
      );
    case "checked":
      return (
        <div className="import-result" data-testid="import-result">
          <Banner kind="info">Everything checks out. Nothing has been written yet.</Banner>
          <Counts report={state.report} future />
        </div>
      );
    case "imported":
      return (
        <div className="import-result" data-testid="import-result">
          <div className="import-done">
            <CheckCircle2 size={18} aria-hidden /> Imported {plural(state.report.rows, "row")}.
          </div>
          <Counts report={state.report} />
        </div>
      );
  }
}

function Counts({ report, future }: { report: ImportReport; future?: boolean }) {
  const items: [string, number][] = [
    [future ? "would be created" : "created", report.created],
    [future ? "would be updated" : "updated", report.updated],
    [future ? "would be skipped" : "skipped", report.skipped],
  ];
  return (
    <>
      <dl className="import-counts">
        {items.map(([label, n]) => (
          <div key={label} className="import-count">
            <dt>{label}</dt>
            <dd className="num">{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {report.ignored_columns.length > 0 && (
        <p className="muted import-ignored">Not imported: {report.ignored_columns.join(", ")}</p>
      )}
    </>
  );
}
