import { useState, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";

type Props = {
  kind: "clear" | "decline";
  count: number;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
};

/** Clearing or declining flags needs a reason, kept in the audit trail. */
export function ResolveDialog({ kind, count, onSubmit, onClose }: Props) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const clear = kind === "clear";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(clear ? "Say why nothing is wrong." : "Say why these commissions are declined.");
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(reason.trim());
    } catch (err) {
      setFailure(describeError(toAppError(err), { reason: "Reason" }));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={clear ? `Clear ${plural(count, "flag")}` : `Decline the commissions of ${plural(count, "flagged sale")}`}
      description={
        clear
          ? "Nothing was wrong: what the flags held follows its normal dates and is paid by the next run."
          : "Every unpaid commission line of these sales is declined with your reason, which the partner sees on their statement."
      }
      onClose={onClose}
      testId="risk-resolve"
    >
      <form onSubmit={submit} noValidate className="risk-resolve-form">
        {failure && <Banner>{failure}</Banner>}
        <Field label="Reason" htmlFor="risk-reason" error={error}>
          <textarea
            id="risk-reason"
            className="input"
            rows={3}
            value={reason}
            autoFocus
            aria-invalid={error ? true : undefined}
            onChange={(e) => (setReason(e.target.value), setError(null))}
            data-testid="risk-reason"
          />
        </Field>
        <div className="risk-resolve-actions">
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant={clear ? "primary" : "danger"} busy={saving} data-testid="risk-resolve-confirm">
            {clear ? "Clear" : "Decline commissions"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
