import { CheckCheck, FileUp } from "lucide-react";
import { useState } from "react";
import type { PayoutLine } from "../../bindings/PayoutLine";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { ReconcileReport } from "../../bindings/ReconcileReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { useToast } from "../../components/Toast";
import { describeError, toAppError } from "../../lib/errors";
import { formatCount } from "../../lib/format";
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

  const reconcile = async () => {
    setFailure(null);
    try {
      const path = await chooseResultFile();
      if (!path) return;
      setReading(true);
      setReport(await payoutsApi.reconcile(run.id, path));
      onChanged();
    } catch (e) {
      setReport(null);
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
        {report && (
          <Banner kind="success" testId="payout-reconcile-report" onDismiss={() => setReport(null)}>
            Result file read: {formatCount(report.paid)} paid, {formatCount(report.failed)} failed, {formatCount(report.unchanged)} unchanged
            {report.unclaimed > 0 && `, ${formatCount(report.unclaimed)} unclaimed (still pending: the provider holds the money until the partner accepts it)`}
            {report.skipped > 0 && `; ${formatCount(report.skipped)} rows about no payout of this run skipped`}.
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
