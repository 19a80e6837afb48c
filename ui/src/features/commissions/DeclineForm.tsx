import { useState, type FormEvent } from "react";
import type { Commission } from "../../bindings/Commission";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { commissionsApi } from "./api";

type Props = { commission: Commission; onDeclined: (c: Commission) => void; onCancel: () => void };

/** Declining needs a reason: it is kept on the line and shown to the partner. */
export function DeclineForm({ commission, onDeclined, onCancel }: Props) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError("Say why you decline this commission.");
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onDeclined(await commissionsApi.decline(commission.id, reason.trim()));
    } catch (err) {
      setFailure(describeError(toAppError(err), { reason: "Reason" }));
      setSaving(false);
    }
  };

  return (
    <form
      className="kdecline"
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
      <Field label="Why is it declined?" htmlFor="kdecline-reason" error={error} hint="Kept with the line, and shown in the partner's statement.">
        <textarea
          id="kdecline-reason"
          className="input"
          rows={3}
          value={reason}
          autoFocus
          aria-invalid={error ? true : undefined}
          onChange={(e) => (setReason(e.target.value), setError(null))}
          data-testid="commission-decline-reason"
        />
      </Field>
      <div className="kdecline-actions">
        <Button onClick={onCancel} disabled={saving}>
          Keep it
        </Button>
        <Button type="submit" variant="danger" busy={saving} data-testid="commission-decline-confirm">
          Decline commission
        </Button>
      </div>
    </form>
  );
}
