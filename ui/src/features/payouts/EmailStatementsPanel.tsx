import { ArrowRight, MailPlus } from "lucide-react";
import { useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { QueueReport } from "../../bindings/QueueReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { JobStatus } from "../../components/JobStatus";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { useProgressJob } from "../../lib/useProgressJob";
import { mailApi } from "../email/api";
import { queueReportText } from "../email/labels";

type Props = {
  run: PayoutRun;
  /** Opens Email → Outbox; without it the panel says where to go. */
  onOpenOutbox?: () => void;
  /** After queueing: the run's checklist reads again. */
  onDone?: () => void;
};

/** Puts one email per paid partner, with the statement attached, in the outbox. Nothing is sent here. */
export function EmailStatementsPanel({ run, onOpenOutbox, onDone }: Props) {
  const { job, run: track, cancel } = useProgressJob(mailApi.cancelJob);
  const [queued, setQueued] = useState<QueueReport | null>(null);
  const [problem, setProblem] = useState<{ cancelled: boolean; text: string } | null>(null);

  const queue = async () => {
    setProblem(null);
    setQueued(null);
    try {
      setQueued(await track(`Queueing statement emails for run #${run.id}`, (onProgress) => mailApi.queueStatements(run.id, onProgress)));
      onDone?.();
    } catch (e) {
      const cancelled = isCancelled(e);
      setProblem({ cancelled, text: cancelled ? "Cancelled: some statement emails may not be queued yet. Queue again to add the rest." : describeError(toAppError(e)) });
    }
  };

  return (
    <section className="po-panel" aria-label="Email statements">
      <h2>Email statements</h2>
      <p className="muted">
        Queues one email per partner paid in this run, from the Statement template, with the partner's PDF statement attached. Nothing
        goes out until you press Send now in the outbox; queueing again never adds a partner twice.
      </p>
      <div>
        <Button icon={<MailPlus size={15} />} busy={job !== null} onClick={() => void queue()} data-testid="payout-email-statements">
          Queue statement emails
        </Button>
      </div>
      {job && <JobStatus label={job.label} progress={job.progress} cancelling={job.cancelling} onCancel={cancel} testId="payout-email-job" />}
      {problem && (
        <Banner kind={problem.cancelled ? "info" : "error"} testId="payout-email-error">
          {problem.text}
        </Banner>
      )}
      {queued && (
        <Banner kind="success" testId="payout-email-report">
          {queueReportText(queued)}.{" "}
          {onOpenOutbox ? (
            <Button variant="link" size="sm" icon={<ArrowRight size={13} />} onClick={onOpenOutbox} data-testid="payout-email-open-outbox">
              Open the outbox to send them
            </Button>
          ) : (
            "Open Email → Outbox to send them."
          )}
        </Banner>
      )}
    </section>
  );
}
