import { ChevronDown } from "lucide-react";
import { useEffect, useState } from "react";
import type { Partner } from "../../../bindings/Partner";
import type { PartnerStatus } from "../../../bindings/PartnerStatus";
import { Button } from "../../../components/Button";
import { STATUS_LABELS, STATUSES, StatusPill } from "../../../components/StatusPill";
import { describeError, toAppError } from "../../../lib/errors";
import { usePopover } from "../../../lib/usePopover";
import { partnersApi } from "../api";

type Props = { partner: Partner; onChanged: (p: Partner) => void };

/** The status pill in the panel header; opens a small form to change it with a reason. */
export function StatusControl({ partner, onChanged }: Props) {
  const { open, setOpen, ref, buttonRef, panelRef, panelStyle, onKeyDown } = usePopover();
  const [status, setStatus] = useState<PartnerStatus>(partner.status);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Each opening starts from the partner's status, with no reason yet.
  useEffect(() => {
    if (!open) return;
    setStatus(partner.status);
    setReason("");
    setError(null);
  }, [open, partner.status]);

  const apply = async () => {
    setBusy(true);
    try {
      onChanged(await partnersApi.setStatus(partner.id, status, reason.trim()));
      setOpen(false);
    } catch (e) {
      setError(describeError(toAppError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="status-control" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className="status-control-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="status-control"
      >
        <StatusPill status={partner.status} />
        <ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <div
          ref={panelRef}
          style={panelStyle}
          className="popover-panel status-popover"
          role="dialog"
          aria-label="Change status"
          onKeyDown={onKeyDown}
        >
          <div className="status-options" role="radiogroup" aria-label="New status">
            {STATUSES.map((s) => (
              <label key={s} className={s === status ? "status-option status-option-on" : "status-option"}>
                <input type="radio" name="new-status" checked={s === status} onChange={() => setStatus(s)} />
                <StatusPill status={s} />
              </label>
            ))}
          </div>
          <input
            className="input input-sm"
            placeholder="Reason (optional)"
            aria-label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), void apply())}
          />
          {error && <p className="field-error">{error}</p>}
          <div className="status-popover-actions">
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" busy={busy} disabled={status === partner.status} onClick={apply}>
              Set to {STATUS_LABELS[status]}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
