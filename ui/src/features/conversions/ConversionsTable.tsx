import type { Conversion } from "../../bindings/Conversion";
import { ConversionRow } from "./ConversionRow";
import "../../components/LedgerTable.css";

/** The conversions of one page, newest first. */
export function ConversionsTable({ rows }: { rows: Conversion[] }) {
  return (
    <div className="ltable-scroll" data-testid="conversions-table">
      <table className="ltable conv-table" aria-label="Conversions">
        <colgroup>
          <col className="conv-col-date" />
          <col className="conv-col-kind" />
          <col className="conv-col-id" />
          <col className="conv-col-customer" />
          <col className="conv-col-amount" />
          <col className="conv-col-partner" />
          <col className="conv-col-method" />
          <col className="conv-col-product" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" title="Times in UTC, as recorded">
              Date
            </th>
            <th scope="col">Kind</th>
            <th scope="col">External id</th>
            <th scope="col">Customer</th>
            <th scope="col" className="col-end">
              Amount
            </th>
            <th scope="col">Partner</th>
            <th scope="col">Attributed by</th>
            <th scope="col">Product</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <ConversionRow key={c.id} c={c} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
