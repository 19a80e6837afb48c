import type { UnattributedSale } from "../../bindings/UnattributedSale";
import { formatDate, formatDateTime } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { Empty } from "./cells";

/** Sales and renewals no partner was found for, with why, oldest first. */
export function UnattributedTable({ rows }: { rows: UnattributedSale[] }) {
  if (rows.length === 0) {
    return <Empty title="No unattributed sales" text="Every sale and renewal dated in these days has a partner." />;
  }
  return (
    <table className="ltable reports-table reports-fit" data-testid="report-table">
      <colgroup>
        <col />
        <col style={{ width: "22%" }} />
        <col />
        <col style={{ width: "26%" }} />
        <col style={{ width: "52%" }} />
      </colgroup>
      <thead>
        <tr>
          <th className="col-fit">Date</th>
          <th>Sale</th>
          <th className="col-fit col-end">Amount</th>
          <th>Customer</th>
          <th>Why no partner</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const sale = `${r.source} ${r.external_id}`;
          return (
            <tr key={r.conversion_id}>
              <td className="col-fit num" title={formatDateTime(r.occurred_at)}>
                {formatDate(r.occurred_at)}
              </td>
              <td title={sale}>
                <span className="reports-source">{r.source}</span> <span className="ltable-code">{r.external_id}</span>
              </td>
              <td className="col-fit col-end num">{r.amount ? formatMoney(r.amount) : <span className="ltable-dim">—</span>}</td>
              {r.customer ? (
                <td title={r.customer}>{r.customer}</td>
              ) : (
                <td className="ltable-dim">—</td>
              )}
              <td title={r.why}>{r.why}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
