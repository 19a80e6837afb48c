import { useState, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import type { DueLines } from "../../bindings/DueLines";
import { describeError, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { useFetched } from "../../lib/useFetched";
import { commissionsApi } from "./api";
import { isIsoDate, todayIso } from "./period";

type Props = { onClose: () => void; onApproved: (approved: DueLines, asOf: string) => void };

/** "4,060 commission lines, 12,345.67 USD": what approving moves, in words. */
export function dueText(due: DueLines): string {
  return `${plural(due.count, "commission line")}, ${due.totals.map((m) => formatMoney(m)).join(" + ")}`;
}

/**
 * Approves the pending lines whose hold period is over by a day (today
 * unless changed), saying first how many and how much.
 */
export function ApproveDueDialog({ onClose, onApproved }: Props) {
  const [asOf, setAsOf] = useState(() => todayIso());
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = isIsoDate(asOf);
  const preview = useFetched<DueLines | null>(`due:${asOf}`, () => (valid ? commissionsApi.duePreview(asOf) : Promise.resolve(null)), {
    keepStale: false,
  });
  const due = preview.data;

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
          <Button
            variant="primary"
            busy={busy}
            disabled={due?.count === 0}
            onClick={() => void submit()}
            data-testid="commissions-approve-confirm"
          >
            {due && due.count > 0 ? `Approve ${plural(due.count, "line")}` : "Approve"}
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
        <p className="kapprove-preview" data-testid="commissions-approve-preview" aria-live="polite">
          {!valid
            ? ""
            : preview.loading && !due
              ? "Counting what is due…"
              : due && due.count > 0
                ? `Due by then: ${dueText(due)}.`
                : due
                  ? "Nothing pending is due by then."
                  : ""}
        </p>
      </form>
    </Dialog>
  );
}
