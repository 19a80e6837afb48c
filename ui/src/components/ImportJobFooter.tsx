import { plural } from "../lib/format";
import type { ImportJobState } from "../lib/useImportJob";
import { Button } from "./Button";

type Props<R extends { rows: number }> = {
  /** What useImportJob gives: the job, whether a file is read, and Cancel. */
  job: { state: ImportJobState<R>; preview: unknown; cancel: () => void };
  /** Test ids are `${testIdPrefix}-check`, `-run`, `-cancel` and `-done`. */
  testIdPrefix: string;
  /** Cancel's label while the job runs, and the closing button's otherwise. */
  labels: { cancelJob: string; close: string };
  /** The options need a fix: neither Check nor Import may run. */
  blocked: boolean;
  onRun: (dryRun: boolean) => void;
  onClose: () => void;
  /** Done, once the import has run. */
  onDone: (report: R) => void;
};

/** A check-then-import dialog's buttons: Check first, then Import, then Done. */
export function ImportJobFooter<R extends { rows: number }>({ job, testIdPrefix, labels, blocked, onRun, onClose, onDone }: Props<R>) {
  const { state } = job;
  if (state.phase === "imported") {
    return (
      <Button variant="primary" onClick={() => onDone(state.report)} data-testid={`${testIdPrefix}-done`}>
        Done
      </Button>
    );
  }
  const running = state.phase === "running";
  return (
    <>
      {running ? (
        <Button onClick={job.cancel} disabled={state.cancelling} data-testid={`${testIdPrefix}-cancel`}>
          {state.cancelling ? "Cancelling…" : labels.cancelJob}
        </Button>
      ) : (
        <Button onClick={onClose}>{labels.close}</Button>
      )}
      {job.preview !== null && (
        <>
          <Button onClick={() => onRun(true)} disabled={running || blocked} busy={running && state.dryRun} data-testid={`${testIdPrefix}-check`}>
            Check
          </Button>
          <Button
            variant="primary"
            onClick={() => onRun(false)}
            disabled={state.phase !== "checked" || blocked}
            busy={running && !state.dryRun}
            data-testid={`${testIdPrefix}-run`}
          >
            {state.phase === "checked" ? `Import ${plural(state.report.rows, "row")}` : "Import"}
          </Button>
        </>
      )}
    </>
  );
}
