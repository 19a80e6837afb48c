import { useState, type FormEvent } from "react";
import type { PayoutLine } from "../../bindings/PayoutLine";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { payoutsApi } from "./api";
import type { SettleHow } from "./PayoutLinesTable";

type Props = {
  runId: number;
  /** One partner's payout, or null for every pending payout of the run (paid only). */
  line: PayoutLine | null;
  how: SettleHow;
  pending: number;
  onClose: () => void;
  /** What was done, in words, for the toast. */
  onDone: (message: string) => void;
};

/** Records that a payout was paid (with the provider's reference) or failed (with why). */
export function SettleDialog({ runId, line, how, pending, onClose, onDone }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const paid = how === "paid";
  const who = line ? `${line.partner_name}'s payout` : `all ${plural(pending, "pending payout")}`;
  const amount = line?.pay ? ` of ${formatMoney(line.pay)}` : "";

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const value = text.trim();
    if (!value) {
      setError(paid ? "Enter the payment's reference." : "Say why the payment failed.");
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      if (paid) {
        const n = await payoutsApi.markPaid(runId, line?.partner_id ?? null, value);
        onDone(`Marked ${plural(n, "payout")} paid.`);
      } else {
        await payoutsApi.markFailed(runId, line!.partner_id, value);
        onDone(`Marked ${line!.partner_name}'s payout failed; the balance carries forward.`);
      }
    } catch (err) {
      setFailure(describeError(toAppError(err), { reference: "Reference", reason: "Reason" }));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={paid ? `Mark ${who} paid` : `Mark ${who} failed`}
      onClose={() => !busy && onClose()}
      testId="payout-settle-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant={paid ? "primary" : "danger"}
            busy={busy}
            onClick={() => void submit()}
            data-testid={paid ? "payout-mark-paid-confirm" : "payout-mark-failed-confirm"}
          >
            {paid ? "Mark paid" : "Mark failed"}
          </Button>
        </>
      }
    >
      <form className="po-form" onSubmit={submit} noValidate>
        {failure && <Banner>{failure}</Banner>}
        <p>
          {paid
            ? `Records that ${who}${amount} ${line ? "was" : "were"} sent. The reference is kept with ${line ? "it" : "each payout"}.`
            : `Records that ${who}${amount} did not arrive. Its commissions go back to the partner's balance, to be paid in a later run.`}
        </p>
        <Field
          label={paid ? "Reference" : "Why did it fail?"}
          htmlFor="po-settle-text"
          error={error}
          hint={paid ? "The provider's batch or transaction id." : "As the provider reported it, e.g. \u201caccount closed\u201d."}
        >
          <input
            id="po-settle-text"
            className="input"
            autoComplete="off"
            autoFocus
            value={text}
            aria-invalid={error ? true : undefined}
            onChange={(e) => (setText(e.target.value), setError(null))}
            data-testid={paid ? "payout-reference" : "payout-failure-reason"}
          />
        </Field>
      </form>
    </Dialog>
  );
}
