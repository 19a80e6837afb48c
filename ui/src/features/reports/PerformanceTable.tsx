import type { PerformanceBy } from "../../bindings/PerformanceBy";
import type { PerformanceRow } from "../../bindings/PerformanceRow";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { Empty, MoneyLines } from "./cells";

/** Partner or group performance over days, best earners first (as the core sorts them). */
export function PerformanceTable({ by, rows }: { by: PerformanceBy; rows: PerformanceRow[] }) {
  const groups = by === "group";
  if (rows.length === 0) {
    return (
      <Empty
        text={
          groups
            ? "No partner in any group has a sale, a commission or a payment dated in these days."
            : "No partner has a sale, a commission or a payment dated in these days."
        }
      />
    );
  }
  return (
    <table className="ltable reports-table reports-fit" data-testid="report-table">
      <colgroup>
        <col style={{ width: "100%" }} />
      </colgroup>
      <thead>
        <tr>
          <th>{groups ? "Group" : "Partner"}</th>
          {groups && (
            <th className="col-fit col-end" title="Partners with a sale, a commission or a payment in these days">
              Partners
            </th>
          )}
          <th className="col-fit col-end" title="Sales and renewals">
            Sales
          </th>
          <th className="col-fit col-end" title="Refunds and chargebacks">
            Refunds
          </th>
          <th className="col-fit col-end">New customers</th>
          <th className="col-fit col-end" title="Sales less refunds, per currency">
            Revenue
          </th>
          <th className="col-fit col-end" title="Commission earned, net of reversals">
            Commission
          </th>
          <th className="col-fit col-end">Paid</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id ?? "none"}>
            <td title={r.name} className={r.id === null ? "ltable-dim" : undefined}>
              {r.name}
            </td>
            {groups && <td className="col-fit col-end num">{formatCount(r.partners)}</td>}
            <td className="col-fit col-end num">{formatCount(r.sales)}</td>
            <td className="col-fit col-end num">{formatCount(r.refunds)}</td>
            <td className="col-fit col-end num">{formatCount(r.new_customers)}</td>
            <td className="col-fit col-end num">
              <MoneyLines amounts={r.revenue} />
            </td>
            <td className="col-fit col-end num">{formatMoney(r.commission)}</td>
            <td className="col-fit col-end num">{formatMoney(r.paid)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
