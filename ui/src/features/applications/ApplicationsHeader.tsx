import { Plus, RefreshCw, SlidersHorizontal, Upload } from "lucide-react";
import { Button } from "../../components/Button";
import { formatCount } from "../../lib/format";
import type { StatusCounts } from "./useStatusCounts";

type Props = {
  counts: StatusCounts | null;
  /** Ticked applications: Screen again works on those only. */
  checkedCount: number;
  busy: boolean;
  onImport: () => void;
  onAdd: () => void;
  onScreen: () => void;
  onSettings: () => void;
};

export function ApplicationsHeader({ counts, checkedCount, busy, onImport, onAdd, onScreen, onSettings }: Props) {
  return (
    <header className="screen-header ap-header">
      <div className="screen-title ap-title">
        <h1>Applications</h1>
        <span className="screen-count ap-count num" aria-live="polite" data-testid="applications-counts">
          {counts === null ? (
            "\u00a0"
          ) : (
            <>
              <strong>{formatCount(counts.pending)} to review</strong>
              <span aria-hidden> · </span>
              {formatCount(counts.approved)} approved
              <span aria-hidden> · </span>
              {formatCount(counts.rejected)} rejected
            </>
          )}
        </span>
      </div>
      <div className="screen-actions ap-actions">
        <Button variant="ghost" icon={<SlidersHorizontal size={15} />} onClick={onSettings} data-testid="applications-settings">
          Screening settings
        </Button>
        <Button
          icon={<RefreshCw size={15} />}
          onClick={onScreen}
          disabled={busy}
          title={checkedCount > 0 ? "Run the checks again on the ticked applications" : "Run the checks again on every pending application"}
          data-testid="applications-rescreen"
        >
          {checkedCount > 0 ? `Screen ${checkedCount} again` : "Screen again"}
        </Button>
        <Button icon={<Plus size={15} />} onClick={onAdd} disabled={busy} data-testid="applications-add">
          Add by hand
        </Button>
        <Button variant="primary" icon={<Upload size={15} />} onClick={onImport} disabled={busy} data-testid="applications-import">
          Import form export…
        </Button>
      </div>
    </header>
  );
}
