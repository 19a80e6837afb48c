import type { TaxForm } from "../../bindings/TaxForm";
import type { TaxYear } from "../../bindings/TaxYear";
import type { TaxYearRow } from "../../bindings/TaxYearRow";
import { Pill } from "../../components/Pill";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { methodLabel } from "../payouts/labels";
import { Empty, MoneyLines } from "./cells";

const FORM_LABEL: Record<TaxForm, string> = {
  w9: "W-9",
  w8ben: "W-8BEN",
  expired: "W-8BEN expired",
  vat: "VAT id only",
  none: "none",
};

/** The form on file; a missing or expired one is a warning once the payee is over the threshold or needs a 1099-NEC. */
function FormCell({ row }: { row: TaxYearRow }) {
  const label = FORM_LABEL[row.form];
  const missing = row.form === "none" || row.form === "expired";
  if (missing && (row.needs_1099 || row.over_threshold)) {
    return (
      <Pill tone="amber" dot title="Get a current tax form before filing" testId="tax-form-warning">
        {label}
      </Pill>
    );
  }
  return <>{label}</>;
}

/**
 * The TIN as the core gives it (always masked) and its kind. A W-9 payee
 * without one is flagged: a warning when they need a 1099-NEC this year (the
 * filing needs it), quieter otherwise, so it is asked for before a year it is due.
 */
function TinCell({ row }: { row: TaxYearRow }) {
  if (row.tin) {
    return (
      <>
        {row.tin}
        {row.tin_kind && <span className="muted"> · {row.tin_kind}</span>}
      </>
    );
  }
  if (row.form === "w9") {
    return row.needs_1099 ? (
      <Pill tone="amber" dot title="Get the TIN on their W-9 before filing" testId="tax-tin-warning">
        TIN missing
      </Pill>
    ) : (
      <Pill tone="muted" title="No 1099-NEC is due for this year; get the TIN on their W-9 before one is" testId="tax-tin-warning">
        TIN missing
      </Pill>
    );
  }
  return <span className="ltable-dim">—</span>;
}

/** yes, no, or no though over the threshold: a foreign person on a W-8BEN (as the PDF and the CLI say it). */
function NeedsCell({ row }: { row: TaxYearRow }) {
  if (row.needs_1099) return <>yes</>;
  if (!row.over_threshold) return <>no</>;
  return <span title="Over the threshold, but a foreign person on a W-8BEN gets no 1099-NEC">no (W-8BEN, over)</span>;
}

/** What was paid to each payee in a tax year, and who needs a 1099-NEC. */
export function TaxYearTable({ report }: { report: TaxYear }) {
  const { year, threshold, rows } = report;
  const needing = rows.filter((r) => r.needs_1099).length;
  return (
    <div className="reports-tax-year">
      <p className="reports-tax-note" data-testid="tax-threshold">
        1099-NEC threshold for {year}: {formatMoney(threshold)} — PayPal payments are reported by PayPal
      </p>
      {rows.length === 0 ? (
        <Empty title="Nothing paid" text={`Nothing was recorded as paid in ${year}.`} />
      ) : (
        <>
          <p className="reports-tax-note" data-testid="tax-count">
            {formatCount(needing)} of {formatCount(rows.length)} payees need a 1099-NEC
          </p>
          <table className="ltable reports-table reports-fit" data-testid="report-table">
            {/* The payee is the one text column and gives way: a form's label
                ("VAT id only", "W-8BEN expired") is short and never cut. */}
            <colgroup>
              <col style={{ width: "100%" }} />
              <col />
              <col />
              <col />
              <col />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>Payee</th>
                <th className="col-fit">Tax form</th>
                <th className="col-fit">TIN</th>
                <th className="col-fit col-end">Paid</th>
                <th className="col-fit col-end">Reportable</th>
                <th className="col-fit col-end">Paid through PayPal</th>
                <th className="col-fit">1099-NEC</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.partner_id}>
                  <td title={r.company ? `${r.payee_name}\n${r.company}` : r.payee_name}>
                    <span className="reports-line-cut">{r.payee_name}</span>
                    {r.company && <span className="reports-line-cut reports-source">{r.company}</span>}
                  </td>
                  <td className="col-fit" data-testid="tax-form">
                    <FormCell row={r} />
                  </td>
                  <td className="col-fit num" data-testid="tax-tin">
                    <TinCell row={r} />
                  </td>
                  <td className="col-fit col-end num">
                    {r.paid.length === 0 ? (
                      <span className="ltable-dim">—</span>
                    ) : (
                      r.paid.map((p) => (
                        <span key={`${p.method}-${p.amount.currency}`} className="reports-line">
                          <span className="reports-source">{methodLabel(p.method)}</span> {formatMoney(p.amount)}
                        </span>
                      ))
                    )}
                  </td>
                  <td className="col-fit col-end num">
                    <MoneyLines amounts={r.reportable} />
                  </td>
                  <td className="col-fit col-end num">
                    <MoneyLines amounts={r.network} />
                  </td>
                  <td className="col-fit" data-testid="tax-needs">
                    <NeedsCell row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
