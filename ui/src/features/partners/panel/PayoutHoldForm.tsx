import { useState, type FormEvent } from "react";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Field } from "../../../components/Field";
import { describeError, toAppError } from "../../../lib/errors";

type Props = {
  /** Saves the hold; rejects when it is refused. */
  onHold: (reason: string) => Promise<void>;
  onCancel: () => void;
};

/** Holding a partner's payouts needs a reason: it is kept with the hold and shown in the payout run. */
export function PayoutHoldForm({ onHold, onCancel }: Props) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError("Say why you hold their payouts.");
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await onHold(reason.trim());
    } catch (err) {
      setFailure(describeError(toAppError(err), { reason: "Reason" }));
      setSaving(false);
    }
  };

  return (
    <form
      className="earn-hold-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {failure && <Banner>{failure}</Banner>}
      <Field label="Why hold their payouts?" htmlFor="earn-hold-reason" error={error} hint="Shown as the reason on their line in every payout run until you lift the hold.">
        <input
          id="earn-hold-reason"
          className="input input-sm"
          value={reason}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "earn-hold-reason-error" : undefined}
          onChange={(e) => (setReason(e.target.value), setError(null))}
          data-testid="partner-hold-reason"
        />
      </Field>
      <div className="earn-hold-actions">
        <Button size="sm" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button size="sm" type="submit" variant="primary" busy={saving} data-testid="partner-hold-save">
          Hold payouts
        </Button>
      </div>
    </form>
  );
}
