import { ArrowLeft } from "lucide-react";
import { useCallback, useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { Readiness } from "../../bindings/Readiness";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError } from "../../lib/errors";
import { formatDate, formatDateTime } from "../../lib/format";
import { useFetched } from "../../lib/useFetched";
import { AdjustmentsPanel } from "./AdjustmentsPanel";
import { payoutsApi } from "./api";
import { ApproveStep } from "./ApproveStep";
import { EmailStatementsPanel } from "./EmailStatementsPanel";
import { ExportPanel } from "./ExportPanel";
import { FingerprintCard } from "./FingerprintCard";
import { runStatusLabel, runStatusTone, runSteps, type Step } from "./labels";
import { PayerCard } from "./PayerCard";
import { PayingPanel } from "./PayingPanel";
import { PayoutLines } from "./PayoutLines";
import { ReadinessList } from "./ReadinessList";
import { RunChecklist } from "./RunChecklist";
import { RunPartnerPanel } from "./RunPartnerPanel";
import { RunSteps } from "./RunSteps";
import { RunSummary } from "./RunSummary";
import { StatementsPanel } from "./StatementsPanel";

type Props = {
  runId: number;
  baseCurrency: string;
  onBack: () => void;
  onChanged: () => void;
  /** Opens the Email screen's outbox, after statement emails are queued. */
  onOpenEmail?: () => void;
};

/** One run: a draft as steps to approval, an approved run as export and settlement. */
export function RunView({ runId, baseCurrency, onBack, onChanged, onOpenEmail }: Props) {
  const toast = useToast();
  // Bumped by every change, so the run, its lines and its checks are read again.
  const [version, setVersion] = useState(0);
  const [step, setStep] = useState<Step | null>(null);
  const [justApproved, setJustApproved] = useState(false);
  const [partnerId, setPartnerId] = useState<number | null>(null);
  const fetched = useFetched(`run:${runId}:${version}`, () => payoutsApi.run(runId));
  const run = fetched.data;
  const isDraft = run?.status === "draft";
  const readiness = useFetched<Readiness | null>(`readiness:${runId}:${version}:${isDraft}`, () =>
    isDraft ? payoutsApi.readiness(runId) : Promise.resolve(null),
  );

  // An approved run is checked against its fingerprint once, when it is
  // opened (or approved): exports and statements do not change it.
  const intact = useFetched<boolean | null>(`intact:${runId}:${run?.status}`, () =>
    run?.status === "approved" ? payoutsApi.verify(runId) : Promise.resolve(null),
  );

  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged();
  }, [onChanged]);

  const approved = (r: PayoutRun) => {
    toast.success(`Run #${r.id} is approved and locked.`);
    setJustApproved(true);
    setStep("export");
    changed();
  };

  const discarded = (r: PayoutRun) => {
    toast.success(`Discarded draft run #${r.id}; its commissions are back to approved.`);
    setStep(null);
    changed();
  };

  const steps = run ? runSteps(run.status) : [];
  const current = step && steps.includes(step) ? step : steps[0];

  return (
    <div className="po-run" data-testid="payout-run">
      <header className="po-header po-run-header">
        <Button variant="ghost" size="sm" icon={<ArrowLeft size={15} />} onClick={onBack} data-testid="payout-back">
          All runs
        </Button>
        <div className="po-title">
          <h1>Payout run #{runId}</h1>
          {run && (
            <>
              <Pill tone={runStatusTone(run.status)} dot testId="payout-run-status">
                {runStatusLabel(run.status)}
              </Pill>
              <span className="po-count">
                through <span className="num">{formatDate(run.through)}</span>
                {" · "}
                {run.approved_at ? `approved ${formatDateTime(run.approved_at)}` : `created ${formatDateTime(run.created_at)}`}
              </span>
            </>
          )}
        </div>
      </header>
      {run && steps.length > 1 && current && (
        <RunSteps
          steps={steps}
          current={current}
          onStep={setStep}
          badges={readiness.data ? { readiness: { count: readiness.data.blockers || readiness.data.warnings, tone: readiness.data.blockers ? "red" : "amber" } } : {}}
        />
      )}
      <div className="po-run-main">
      <div className="po-run-body">
        {fetched.error && (
          <Banner>
            {describeError(fetched.error)}{" "}
            <Button variant="link" size="sm" onClick={fetched.reload}>
              Try again
            </Button>
          </Banner>
        )}
        {!run ? (
          <div className="po-center">{fetched.loading && <Spinner size={20} label="Loading the run" />}</div>
        ) : (
          <>
            {justApproved && run.status === "approved" && (
              <Banner kind="success" testId="payout-approved" onDismiss={() => setJustApproved(false)}>
                Run #{run.id} is approved and locked. Its fingerprint is below; the book was backed up first
                {run.backup_path ? ` to ${run.backup_path}` : ""}. Write the payment files next.
              </Banner>
            )}
            {run.status === "discarded" && (
              <Banner kind="info">This draft was discarded: nobody is paid by it, and its commissions went back to approved.</Banner>
            )}
            {intact.data === false && (
              <Banner testId="payout-tampered">
                Run #{run.id} was changed outside Partnerbook after it was approved: its payouts no longer match its fingerprint.
                Payment files, statements, emails and marking paid are refused. Restore the backup taken before approval
                {run.backup_path ? ` (${run.backup_path})` : ""}.
              </Banner>
            )}
            {run.status === "approved" && <RunChecklist runId={run.id} version={version} />}
            {run.status === "approved" && <FingerprintCard run={run} />}
            {current === "preview" && (
              <>
                <RunSummary run={run} />
                <PayoutLines run={run} version={version} />
              </>
            )}
            {current === "readiness" && <ReadinessList readiness={readiness} onOpenPartner={setPartnerId} />}
            {current === "adjustments" && <AdjustmentsPanel run={run} baseCurrency={baseCurrency} version={version} onChanged={changed} />}
            {current === "approve" && (
              <ApproveStep run={run} readiness={readiness.data} onApproved={approved} onDiscarded={discarded} onReview={() => setStep("readiness")} />
            )}
            {current === "export" && (
              <div className="po-export-step">
                <div className="po-export-main">
                  <ExportPanel run={run} onDone={changed} />
                  <StatementsPanel run={run} onDone={changed} />
                  <EmailStatementsPanel run={run} onOpenOutbox={onOpenEmail} onDone={changed} />
                </div>
                <PayerCard />
              </div>
            )}
            {current === "paying" && (
              <>
                <RunSummary run={run} />
                <PayingPanel run={run} version={version} onChanged={changed} />
              </>
            )}
          </>
        )}
      </div>
      {partnerId !== null && (
        <RunPartnerPanel partnerId={partnerId} baseCurrency={baseCurrency} onSaved={changed} onClose={() => setPartnerId(null)} />
      )}
      </div>
    </div>
  );
}
