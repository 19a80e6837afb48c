import { Check, X } from "lucide-react";
import { Button } from "../../components/Button";
import { plural } from "../../lib/format";

type Props = { count: number; onApprove: () => void; onReject: () => void; onClear: () => void };

/** With applications ticked: decide them all at once. */
export function BulkBar({ count, onApprove, onReject, onClear }: Props) {
  return (
    <div className="ap-bulk" role="region" aria-label="Ticked applications" data-testid="applications-bulk">
      <span className="ap-bulk-count">{plural(count, "application")} ticked</span>
      <Button variant="link" size="sm" onClick={onClear} data-testid="applications-bulk-clear">
        Untick all
      </Button>
      <div className="ap-bulk-actions">
        <Button size="sm" variant="danger" icon={<X size={14} />} onClick={onReject} data-testid="applications-bulk-reject">
          Reject {count}…
        </Button>
        <Button size="sm" variant="primary" icon={<Check size={14} />} onClick={onApprove} data-testid="applications-bulk-approve">
          Approve {count}…
        </Button>
      </div>
    </div>
  );
}
