import type { JobProgress } from "../bindings/JobProgress";
import { formatCount } from "../lib/format";
import { Button } from "./Button";
import { ProgressBar } from "./ProgressBar";
import "./JobStatus.css";

type Props = {
  /** What runs: "Recomputing commissions". */
  label: string;
  progress: JobProgress;
  onCancel: () => void;
  cancelling?: boolean;
  testId?: string;
};

/** A long job running in the background: its step, how far it is, and Cancel. */
export function JobStatus({ label, progress, onCancel, cancelling, testId = "job-status" }: Props) {
  const counted = progress.total > 0;
  return (
    <div className="job-status" role="status" data-testid={testId}>
      <div className="job-status-text">
        <span className="job-status-step">{progress.step ? `${label}: ${progress.step}` : `${label}…`}</span>
        {counted && (
          <span className="num muted">
            {formatCount(progress.done)} of {formatCount(progress.total)}
          </span>
        )}
      </div>
      <ProgressBar done={progress.done} total={progress.total} label={label} />
      <Button size="sm" onClick={onCancel} disabled={cancelling} data-testid={`${testId}-cancel`}>
        {cancelling ? "Cancelling…" : "Cancel"}
      </Button>
    </div>
  );
}
