import { useState, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { commissionsApi } from "./api";
import { isIsoDate, todayIso } from "./period";

type Props = { onClose: () => void; onApproved: (count: number, asOf: string) => void };

/** Approves the pending lines whose hold period is over by a day (today unless changed). */
export function ApproveDueDialog({ onClose, onApproved }: Props) {
  const [asOf, setAsOf] = useState(() => todayIso());
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!isIsoDate(asOf)) {
      setError("Enter a day like 2026-05-31.");
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onApproved(await commissionsApi.approveDue(asOf), asOf);
    } catch (err) {
      setFailure(describeError(toAppError(err), { as_of: "Day" }));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Approve due commissions"
      onClose={onClose}
      testId="commissions-approve-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()} data-testid="commissions-approve-confirm">
            Approve
          </Button>
        </>
      }
    >
      <form className="kapprove" onSubmit={submit} noValidate>
        {failure && <Banner>{failure}</Banner>}
        <p>
          Pending commissions whose hold period has ended by this day become approved: the next payout run will pay them.
          Lines held for a reason (a missing FX rate, say) stay pending.
        </p>
        <Field label="Due by" htmlFor="kapprove-day" error={error}>
          <input
            id="kapprove-day"
            type="date"
            className="input kapprove-day"
            value={asOf}
            aria-invalid={error ? true : undefined}
            onChange={(e) => (setAsOf(e.target.value), setError(null))}
            data-testid="commissions-approve-date"
          />
        </Field>
      </form>
    </Dialog>
  );
}
