import { CheckCircle2 } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import type { AppError } from "../lib/errors";
import { formatCount } from "../lib/format";
import type { ImportJobState } from "../lib/useImportJob";
import { Banner } from "./Banner";
import { ProgressBar } from "./ProgressBar";
import "./ImportJobOutcome.css";

/** The state this shows; the hook that drives it is lib/useImportJob. */
export type { ImportJobState };

export type ImportJobOutcomeProps<R> = {
  state: ImportJobState<R>;
  /** Test ids are `${testIdPrefix}-progress`, `-error` and `-result`. */
  testIdPrefix: string;
  /** The error banner's text. */
  failedText: (error: AppError, dryRun: boolean) => ReactNode;
  /** The info banner after a check (nothing written yet). */
  checkedText: (report: R) => ReactNode;
  /** The line beside the check mark after an import. */
  importedText: (report: R) => ReactNode;
  /** The counts under either result. */
  details: (report: R) => ReactNode;
};

/** What the last check or import did: progress, the result, or the error. */
export function ImportJobOutcome<R>(props: ImportJobOutcomeProps<R>) {
  const ref = useRef<HTMLDivElement>(null);
  // Each new outcome sits below the options: bring it into view.
  useEffect(() => ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" }), [props.state.phase]);
  return (
    <div ref={ref} className="import-outcome">
      <Outcome {...props} />
    </div>
  );
}

function Outcome<R>({ state, testIdPrefix, failedText, checkedText, importedText, details }: ImportJobOutcomeProps<R>) {
  switch (state.phase) {
    case "idle":
      return null;
    case "running": {
      const p = state.progress;
      const label = state.dryRun ? "Checking" : "Importing";
      return (
        <div className="import-outcome-progress" data-testid={`${testIdPrefix}-progress`}>
          <div className="import-outcome-progress-text">
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
      return <Banner testId={`${testIdPrefix}-error`}>{failedText(state.error, state.dryRun)}</Banner>;
    case "checked":
      return (
        <div className="import-outcome-result" data-testid={`${testIdPrefix}-result`}>
          <Banner kind="info">{checkedText(state.report)}</Banner>
          {details(state.report)}
        </div>
      );
    case "imported":
      return (
        <div className="import-outcome-result" data-testid={`${testIdPrefix}-result`}>
          <div className="import-outcome-done">
            <CheckCircle2 size={18} aria-hidden /> {importedText(state.report)}
          </div>
          {details(state.report)}
        </div>
      );
  }
}
