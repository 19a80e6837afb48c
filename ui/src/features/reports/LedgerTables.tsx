import type { RefundRow } from "../../bindings/RefundRow";
import type { RunMethodRow } from "../../bindings/RunMethodRow";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { methodLabel } from "../payouts/labels";
import { Empty, MoneyLines } from "./cells";

/** Approved payout runs by payment method. */
export function PayoutsTable({ rows }: { rows: RunMethodRow[] }) {
  if (rows.length === 0) return <Empty text="No approved payout run has its cut-off in these days." />;
  return (
    <table className="ltable reports-table" data-testid="report-table">
      <thead>
        <tr>
          <th>Run</th>
          <th>Cut-off</th>
          <th>Method</th>
          <th className="col-end">Payouts</th>
          <th className="col-end">Total</th>
          <th className="col-end">Paid</th>
          <th className="col-end">Failed</th>
          <th className="col-end">Pending</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.run_id}-${r.method}-${r.total.currency}`}>
            <td className="num">#{r.run_id}</td>
            <td className="num">{r.through}</td>
            <td>{methodLabel(r.method)}</td>
            <td className="col-end num">{formatCount(r.payouts)}</td>
            <td className="col-end num">{formatMoney(r.total)}</td>
            <td className="col-end num">
              {formatCount(r.paid)} · {formatMoney(r.paid_total)}
            </td>
            <td className="col-end num">{formatCount(r.failed)}</td>
            <td className="col-end num">{formatCount(r.pending)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Refunds, chargebacks and the commission they took back, per partner. */
export function RefundsTable({ rows }: { rows: RefundRow[] }) {
  if (rows.length === 0) return <Empty text="No refund or chargeback is dated in these days." />;
  return (
    <table className="ltable reports-table" data-testid="report-table">
      <thead>
        <tr>
          <th>Partner</th>
          <th className="col-end">Refunds</th>
          <th className="col-end">Chargebacks</th>
          <th className="col-end">Given back</th>
          <th className="col-end">Reversed</th>
          <th className="col-end">Clawed back</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.partner_id}>
            <td title={r.partner_name}>{r.partner_name}</td>
            <td className="col-end num">{formatCount(r.refunds)}</td>
            <td className="col-end num">{formatCount(r.chargebacks)}</td>
            <td className="col-end num">
              <MoneyLines amounts={r.given_back} />
            </td>
            <td className="col-end num">{formatMoney(r.reversed)}</td>
            <td className="col-end num">{formatMoney(r.clawed_back)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
