import { useState, type FormEvent } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { JobStatus } from "../../components/JobStatus";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { useProgressJob } from "../../lib/useProgressJob";
import { isIsoDate } from "../commissions/period";
import { payoutsApi } from "./api";
import { defaultThrough, draftInTheWay } from "./labels";

type Props = { onClose: () => void; onCreated: (run: PayoutRun) => void; onOpenRun: (id: number) => void };

type Failure = { kind: "error" | "info"; text: string; draft: number | null };

/** Picks the cut-off day and creates the draft run, with progress and Cancel. */
export function NewRunDialog({ onClose, onCreated, onOpenRun }: Props) {
  const [through, setThrough] = useState(() => defaultThrough());
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const { job, run, cancel } = useProgressJob(payoutsApi.cancelJob);
  const busy = job !== null;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!isIsoDate(through)) {
      setError("Enter a day like 2026-05-31.");
      return;
    }
    setFailure(null);
    try {
      onCreated(await run(`Creating the run through ${formatDate(through)}`, (onProgress) => payoutsApi.create(through, onProgress)));
    } catch (err) {
      if (isCancelled(err)) {
        setFailure({ kind: "info", text: "Cancelled: no run was created.", draft: null });
        return;
      }
      const appError = toAppError(err);
      setFailure({ kind: "error", text: describeError(appError, { through: "Through" }), draft: draftInTheWay(appError.message) });
    }
  };

  return (
    <Dialog
      title="New payout run"
      description="Adds up what every partner is owed through a day. Nothing is paid until you approve the run."
      onClose={() => !busy && onClose()}
      testId="payout-new-run-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()} data-testid="payout-create">
            Create draft
          </Button>
        </>
      }
    >
      <form className="po-form" onSubmit={submit} noValidate>
        {failure && (
          <Banner kind={failure.kind} testId="payout-create-error">
            {failure.text}{" "}
            {failure.draft !== null && (
              <Button variant="link" size="sm" onClick={() => onOpenRun(failure.draft!)} data-testid="payout-open-draft">
                Open run #{failure.draft}
              </Button>
            )}
          </Banner>
        )}
        <p>
          Approved commissions due through this day, carried balances and open adjustments make each partner's line. Partners who cannot be
          paid yet are held, with the reasons, and their balance carries forward.
        </p>
        <Field label="Through (inclusive)" htmlFor="po-through" error={error} hint="Usually the last day of the month you pay for.">
          <input
            id="po-through"
            type="date"
            className="input po-date"
            value={through}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => (setThrough(e.target.value), setError(null))}
            data-testid="payout-through"
          />
        </Field>
      </form>
      {job && <JobStatus label={job.label} progress={job.progress} cancelling={job.cancelling} onCancel={cancel} testId="payout-job" />}
    </Dialog>
  );
}
