import type { Conversion } from "../../bindings/Conversion";
import { ConversionRow } from "./ConversionRow";
import "../../components/LedgerTable.css";

/**
 * The conversions of one page, newest first. Date, kind and amount fit their
 * values and are never cut; the text columns share the rest and truncate.
 */
export function ConversionsTable({ rows }: { rows: Conversion[] }) {
  return (
    <div className="ltable-scroll" data-testid="conversions-table">
      <table className="ltable ltable-fit conv-table" aria-label="Conversions">
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
            <th scope="col" className="col-fit" title="Times in UTC, as recorded">
              Date
            </th>
            <th scope="col" className="col-fit">
              Kind
            </th>
            <th scope="col" title="External id">
              External id
            </th>
            <th scope="col" title="Customer">
              Customer
            </th>
            <th scope="col" className="col-fit col-end">
              Amount
            </th>
            <th scope="col" title="Partner">
              Partner
            </th>
            <th scope="col" title="Attributed by">
              Attributed by
            </th>
            <th scope="col" title="Product">
              Product
            </th>
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
