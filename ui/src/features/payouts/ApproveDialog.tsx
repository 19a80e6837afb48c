import { useState, type FormEvent } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { JobStatus } from "../../components/JobStatus";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { useProgressJob } from "../../lib/useProgressJob";
import { payoutsApi } from "./api";

type Props = { run: PayoutRun; onClose: () => void; onApproved: (run: PayoutRun) => void };

/** Approving is irreversible: it says what will happen and asks for the run's number first. */
export function ApproveDialog({ run, onClose, onApproved }: Props) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const job = useProgressJob(payoutsApi.cancelJob);
  const busy = job.job !== null;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (typed.trim() !== String(run.id)) {
      setError(`Type ${run.id}, the run's number, to approve it.`);
      return;
    }
    setFailure(null);
    try {
      onApproved(await job.run(`Approving run #${run.id}`, (onProgress) => payoutsApi.approve(run.id, onProgress)));
    } catch (err) {
      setFailure(
        isCancelled(err)
          ? { kind: "info", text: "Cancelled: the run is still a draft and nothing was locked." }
          : { kind: "error", text: describeError(toAppError(err)) },
      );
    }
  };

  return (
    <Dialog
      title={`Approve payout run #${run.id}?`}
      onClose={() => !busy && onClose()}
      testId="payout-approve-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Not yet
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()} data-testid="payout-approve-confirm">
            Approve and lock
          </Button>
        </>
      }
    >
      <form className="po-form" onSubmit={submit} noValidate>
        {failure && (
          <Banner kind={failure.kind} testId="payout-approve-error">
            {failure.text}
          </Banner>
        )}
        <p className="po-approve-what" data-testid="payout-approve-what">
          {plural(run.paid_count, "partner")} will be paid {formatMoney(run.total)}. The book is backed up first. The run is then locked:
          nothing in it can change.
        </p>
        {run.held_count > 0 && (
          <p className="muted">
            {plural(run.held_count, "partner")} held in this run keep their balance ({formatMoney(run.carried_forward)}) for the next run.
          </p>
        )}
        <Field label={`Type ${run.id} to confirm`} htmlFor="po-approve-typed" error={error}>
          <input
            id="po-approve-typed"
            className="input num po-confirm-input"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={typed}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => (setTyped(e.target.value), setError(null))}
            data-testid="payout-approve-typed"
          />
        </Field>
      </form>
      {job.job && (
        <JobStatus label={job.job.label} progress={job.job.progress} cancelling={job.job.cancelling} onCancel={job.cancel} testId="payout-approve-job" />
      )}
    </Dialog>
  );
}
