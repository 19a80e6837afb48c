import type { JobProgress } from "../../bindings/JobProgress";
import { Button } from "../../components/Button";
import { ProgressBar } from "../../components/ProgressBar";
import { formatCount } from "../../lib/format";
import "./ExportStatus.css";

/** The running CSV export: how far it is, and a way to stop it. */
export function ExportStatus({ progress, onCancel }: { progress: JobProgress; onCancel: () => void }) {
  const counted = progress.total > 0;
  return (
    <div className="export-status" role="status" data-testid="export-status">
      <div className="export-status-text">
        <span>Exporting partners…</span>
        {counted && (
          <span className="num">
            {formatCount(progress.done)} of {formatCount(progress.total)}
          </span>
        )}
      </div>
      <ProgressBar done={progress.done} total={progress.total} label="Export progress" />
      <Button size="sm" onClick={onCancel} data-testid="export-cancel">
        Cancel
      </Button>
    </div>
  );
}
