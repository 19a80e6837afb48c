import { Lock, Trash2 } from "lucide-react";
import { useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { Readiness } from "../../bindings/Readiness";
import { Button } from "../../components/Button";
import { formatDate, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { ApproveDialog } from "./ApproveDialog";
import { DiscardDialog } from "./DiscardDialog";
import { payTotalsText } from "./labels";

type Props = {
  run: PayoutRun;
  readiness: Readiness | null;
  onApproved: (run: PayoutRun) => void;
  onDiscarded: (run: PayoutRun) => void;
  onReview: () => void;
};

/** The last step of a draft: what approving does, then approve (or discard the draft). */
export function ApproveStep({ run, readiness, onApproved, onDiscarded, onReview }: Props) {
  const [dialog, setDialog] = useState<"approve" | "discard" | null>(null);
  return (
    <section className="po-approve" aria-label="Approve">
      <div className="po-panel">
        <h2>Approve run #{run.id}</h2>
        <ul className="po-facts">
          <li>
            <strong>{plural(run.paid_count, "partner")}</strong> will be paid <strong className="num">{formatMoney(run.total)}</strong> in all
            for commissions through {formatDate(run.through)}; {payTotalsText(run.pay_totals)} leaves the account.
          </li>
          <li>
            {run.held_count > 0
              ? `${plural(run.held_count, "partner")} ${run.held_count === 1 ? "is" : "are"} held: ${formatMoney(run.carried_forward)} carries forward to the next run.`
              : "Nobody is held."}
          </li>
          {readiness && (readiness.blockers > 0 || readiness.warnings > 0) && (
            <li>
              Readiness found {plural(readiness.blockers, "blocker")} and {plural(readiness.warnings, "warning")}.{" "}
              <Button variant="link" size="sm" onClick={onReview}>
                Review them
              </Button>
            </li>
          )}
          <li>The book is backed up first. The run is then locked: nothing in it can change, and its payment files can be written.</li>
        </ul>
        <div className="po-form-actions">
          <Button variant="ghost" icon={<Trash2 size={15} />} onClick={() => setDialog("discard")} data-testid="payout-discard">
            Discard draft…
          </Button>
          <Button variant="primary" icon={<Lock size={15} />} onClick={() => setDialog("approve")} data-testid="payout-approve">
            Approve and lock…
          </Button>
        </div>
      </div>
      {dialog === "approve" && <ApproveDialog run={run} onClose={() => setDialog(null)} onApproved={(r) => (setDialog(null), onApproved(r))} />}
      {dialog === "discard" && <DiscardDialog run={run} onClose={() => setDialog(null)} onDiscarded={(r) => (setDialog(null), onDiscarded(r))} />}
    </section>
  );
}
