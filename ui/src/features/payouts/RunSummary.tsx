import type { ReactNode } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { cx } from "../../lib/cx";
import { formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";

/** The run in a few numbers: who is paid and how much, who is held, what leaves the account. */
export function RunSummary({ run }: { run: PayoutRun }) {
  const pending = Math.max(0, run.paid_count - run.settled_paid - run.settled_failed);
  return (
    <div className="po-cards" aria-label="Summary">
      <Card
        label={run.status === "draft" ? "Will be paid" : run.status === "approved" ? "Paid in this run" : "Would have been paid"}
        value={formatMoney(run.total)}
        sub={plural(run.paid_count, "partner")}
        testId="payout-summary-paid"
      />
      <Card
        label="Held"
        value={plural(run.held_count, "partner")}
        sub={`${formatMoney(run.carried_forward)} carried forward`}
        tone={run.held_count > 0 ? "amber" : undefined}
        testId="payout-summary-held"
      />
      <Card
        label="Leaves the account"
        value={
          run.pay_totals.length === 0
            ? formatMoney({ minor: 0, currency: run.total.currency })
            : run.pay_totals.map((m) => (
                <span key={m.currency} className="po-card-line">
                  {formatMoney(m)}
                </span>
              ))
        }
        sub={run.pay_totals.length > 1 ? `In ${run.pay_totals.length} currencies` : "In the payout currency"}
        testId="payout-summary-pay"
      />
      {run.status === "approved" && (
        <Card
          label="Settled"
          value={`${formatCount(run.settled_paid)} paid`}
          sub={`${formatCount(run.settled_failed)} failed · ${formatCount(pending)} pending`}
          tone={run.settled_failed > 0 ? "red" : pending === 0 ? "green" : undefined}
          testId="payout-summary-settled"
        />
      )}
    </div>
  );
}

type CardProps = { label: string; value: ReactNode; sub: ReactNode; tone?: "amber" | "red" | "green"; testId: string };

function Card({ label, value, sub, tone, testId }: CardProps) {
  return (
    <div className={cx("po-card", tone && `po-card-${tone}`)} data-testid={testId}>
      <span className="po-card-label">{label}</span>
      <span className="po-card-value num">{value}</span>
      <span className="po-card-sub num">{sub}</span>
    </div>
  );
}
