import type { ReactNode } from "react";
import type { ProgramReport } from "../../bindings/ProgramReport";
import { formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { monthLabel } from "./api";
import { Empty, MoneyLines } from "./cells";

/** Nothing happened in the month: no sale, refund, commission or payout. */
function isQuiet(r: ProgramReport): boolean {
  return (
    r.sales === 0 &&
    r.refunds === 0 &&
    r.commissions.minor === 0 &&
    r.given_back.minor === 0 &&
    r.paid_out.minor === 0 &&
    r.top.length === 0
  );
}

/** The program report for a month: its key figures, then the partners who earned the most. */
export function ProgramView({ report }: { report: ProgramReport }) {
  const month = monthLabel(report.period);
  if (isQuiet(report)) {
    return <Empty title="Nothing in this month" text={`No sale, refund, commission or payout is dated in ${month}.`} />;
  }
  return (
    <div className="reports-program" data-testid="report-program-view">
      <dl className="reports-figures" aria-label={`Key figures, ${month}`}>
        <Figure label="Sales and renewals" testId="report-figure-sales">
          {formatCount(report.sales)}
        </Figure>
        <Figure label="Revenue" testId="report-figure-revenue">
          <MoneyLines amounts={report.revenue} />
        </Figure>
        <Figure label="Refunds and chargebacks" testId="report-figure-refunds" sub={report.refunded.length > 0 && <MoneyLines amounts={report.refunded} />}>
          {formatCount(report.refunds)}
        </Figure>
        <Figure label="Commissions earned" testId="report-figure-commissions" sub={`by ${plural(report.earning_partners, "partner")}`}>
          {formatMoney(report.commissions)}
        </Figure>
        <Figure label="Given back" testId="report-figure-given-back" sub="reversals, clawbacks">
          {formatMoney(report.given_back)}
        </Figure>
        <Figure label="Paid out" testId="report-figure-paid-out" sub="by runs approved in it">
          {formatMoney(report.paid_out)}
        </Figure>
      </dl>
      <section className="reports-top" aria-labelledby="reports-top-title">
        <div className="reports-section-head">
          <h2 id="reports-top-title">Top partners</h2>
          <span className="muted">Who earned the most commission in {month}.</span>
        </div>
        {report.top.length === 0 ? (
          <p className="muted" data-testid="report-top-empty">
            No partner earned commission in {month}.
          </p>
        ) : (
          <table className="ltable reports-table reports-fit" data-testid="report-top">
            <colgroup>
              <col />
              <col style={{ width: "100%" }} />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th className="col-fit col-end">#</th>
                <th>Partner</th>
                <th className="col-fit col-end">Sales</th>
                <th className="col-fit col-end">Commission</th>
              </tr>
            </thead>
            <tbody>
              {report.top.map((p, i) => (
                <tr key={p.partner_id}>
                  <td className="col-fit col-end num ltable-dim">{i + 1}</td>
                  <td title={p.name}>{p.name}</td>
                  <td className="col-fit col-end num">{formatCount(p.sales)}</td>
                  <td className="col-fit col-end num">{formatMoney(p.commission)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

type FigureProps = { label: string; children: ReactNode; sub?: ReactNode; testId: string };

function Figure({ label, children, sub, testId }: FigureProps) {
  return (
    <div className="reports-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd className="reports-figure-value num">{children}</dd>
      {sub && <dd className="reports-figure-sub num">{sub}</dd>}
    </div>
  );
}
