import { CheckCheck, FileUp } from "lucide-react";
import { useState } from "react";
import type { PayoutLine } from "../../bindings/PayoutLine";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { ReconcileReport } from "../../bindings/ReconcileReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { useToast } from "../../components/Toast";
import { describeError, toAppError } from "../../lib/errors";
import { fileName, formatCount } from "../../lib/format";
import { chooseResultFile, payoutsApi } from "./api";
import { PayoutLines } from "./PayoutLines";
import type { SettleHow } from "./PayoutLinesTable";
import { SettleDialog } from "./SettleDialog";

type Props = { run: PayoutRun; version: number; onChanged: () => void };

type Settling = { line: PayoutLine | null; how: SettleHow };

/** After the files went out: mark payouts paid or failed, by hand or from the provider's result file. */
export function PayingPanel({ run, version, onChanged }: Props) {
  const toast = useToast();
  const [settling, setSettling] = useState<Settling | null>(null);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const pending = Math.max(0, run.paid_count - run.settled_paid - run.settled_failed);

  // A result file is read twice: first to show what it would record, then, when confirmed, for real.
  const [proposal, setProposal] = useState<{ path: string; report: ReconcileReport } | null>(null);

  const reconcile = async () => {
    setFailure(null);
    setReport(null);
    try {
      const path = await chooseResultFile();
      if (!path) return;
      setReading(true);
      setProposal({ path, report: await payoutsApi.reconcile(run.id, path, true) });
    } catch (e) {
      setProposal(null);
      setFailure(describeError(toAppError(e)));
    } finally {
      setReading(false);
    }
  };

  const record = async () => {
    if (!proposal) return;
    setReading(true);
    try {
      setReport(await payoutsApi.reconcile(run.id, proposal.path, false));
      setProposal(null);
      onChanged();
    } catch (e) {
      setFailure(describeError(toAppError(e)));
    } finally {
      setReading(false);
    }
  };

  return (
    <div className="po-paying">
      <section className="po-panel" aria-label="Paying">
        <div className="po-paying-head">
          <div>
            <h2>Record payments</h2>
            <p className="muted num" data-testid="payout-settled">
              {formatCount(run.settled_paid)} paid · {formatCount(run.settled_failed)} failed · {formatCount(pending)} pending
            </p>
          </div>
          <div className="po-actions">
            <Button icon={<FileUp size={15} />} busy={reading} onClick={() => void reconcile()} data-testid="payout-reconcile">
              Import result file…
            </Button>
            <Button
              variant="primary"
              icon={<CheckCheck size={15} />}
              disabled={pending === 0}
              onClick={() => setSettling({ line: null, how: "paid" })}
              data-testid="payout-mark-all-paid"
            >
              Mark all paid…
            </Button>
          </div>
        </div>
        {failure && <Banner testId="payout-reconcile-error">{failure}</Banner>}
        {proposal && (
          <div className="po-reconcile-proposal" data-testid="payout-reconcile-proposal">
            <p>
              {fileName(proposal.path)} would record {resultCounts(proposal.report)}. Nothing is written until you record it.
            </p>
            <div className="po-actions">
              <Button onClick={() => setProposal(null)} disabled={reading}>
                Cancel
              </Button>
              <Button variant="primary" busy={reading} onClick={() => void record()} data-testid="payout-reconcile-record">
                Record
              </Button>
            </div>
          </div>
        )}
        {report && (
          <Banner kind="success" testId="payout-reconcile-report" onDismiss={() => setReport(null)}>
            Result file read: {resultCounts(report)}.
          </Banner>
        )}
      </section>
      <PayoutLines run={run} version={version} onSettle={(line, how) => setSettling({ line, how })} />
      {settling && (
        <SettleDialog
          runId={run.id}
          line={settling.line}
          how={settling.how}
          pending={pending}
          onClose={() => setSettling(null)}
          onDone={(message) => {
            setSettling(null);
            toast.success(message);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

/** "2 paid, 1 failed, 0 unchanged, 1 unclaimed (…); 3 rows about no payout of this run skipped" */
function resultCounts(r: ReconcileReport): string {
  let text = `${formatCount(r.paid)} paid, ${formatCount(r.failed)} failed, ${formatCount(r.unchanged)} unchanged`;
  if (r.unclaimed > 0) text += `, ${formatCount(r.unclaimed)} unclaimed (still pending: the provider holds the money until the partner accepts it)`;
  if (r.skipped > 0) text += `; ${formatCount(r.skipped)} rows about no payout of this run skipped`;
  return text;
}
