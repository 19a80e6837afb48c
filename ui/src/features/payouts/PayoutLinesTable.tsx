import type { PayoutLine } from "../../bindings/PayoutLine";
import { cx } from "../../lib/cx";
import { PayoutLineRow, type SettleHow } from "./PayoutLineRow";
import "../../components/LedgerTable.css";
import "./PayoutLinesTable.css";

export type { SettleHow };

type Props = { rows: PayoutLine[]; onSettle?: (line: PayoutLine, how: SettleHow) => void };

const AMOUNTS = ["Commissions", "Clawbacks", "Carried", "Adjustments", "Balance", "Pay"];

/**
 * One page of a run's lines: how each balance adds up and what is sent;
 * under a held line, a row of its own says every reason it is not paid.
 */
export function PayoutLinesTable({ rows, onSettle }: Props) {
  // The last column: Paid… / Failed… for pending lines, the reference or the failure once settled.
  const notes = onSettle !== undefined || rows.some((l) => l.status === "paid" || l.status === "failed");
  const columns = 3 + AMOUNTS.length + (notes ? 1 : 0);
  return (
    <div className="ltable-scroll po-lines-scroll">
      <table
        className={cx("ltable po-table po-lines-table", notes && "po-lines-with-notes")}
        aria-label="Payout lines"
        data-testid="payout-lines-table"
      >
        <colgroup>
          <col />
          {AMOUNTS.map((name) => (
            <col key={name} className="po-lc-amount" />
          ))}
          <col className="po-lc-method" />
          <col className="po-lc-status" />
          {notes && <col className="po-lc-notes" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            {AMOUNTS.map((name) => (
              <th key={name} scope="col" className="col-end">
                {name}
              </th>
            ))}
            <th scope="col">Method</th>
            <th scope="col">Status</th>
            {notes && <th scope="col">Notes</th>}
          </tr>
        </thead>
        {rows.map((line) => (
          <PayoutLineRow key={line.id} line={line} columns={columns} notes={notes} onSettle={onSettle} />
        ))}
      </table>
    </div>
  );
}
