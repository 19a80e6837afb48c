import type { PayoutRun } from "../../bindings/PayoutRun";
import { Pill } from "../../components/Pill";
import { formatCount, formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { payTotalsText, runStatusLabel, runStatusTone, shortFingerprint } from "./labels";
import "../../components/LedgerTable.css";

type Props = { runs: PayoutRun[]; onOpen: (id: number) => void };

/** Every run, newest first; a click or Enter opens one. */
export function RunsTable({ runs, onOpen }: Props) {
  return (
    <div className="ltable-scroll po-runs">
      <table className="ltable po-table" aria-label="Payout runs" data-testid="payout-runs-table">
        <colgroup>
          <col className="po-col-id" />
          <col className="po-col-date" />
          <col className="po-col-status" />
          <col className="po-col-count" />
          <col className="po-col-count" />
          <col className="po-col-money" />
          <col />
          <col className="po-col-fp" />
          <col className="po-col-stamp" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Through</th>
            <th scope="col">Status</th>
            <th scope="col" className="col-end">
              Paid
            </th>
            <th scope="col" className="col-end">
              Held
            </th>
            <th scope="col" className="col-end">
              Total
            </th>
            <th scope="col">Leaves the account</th>
            <th scope="col">Fingerprint</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr
              key={r.id}
              className="po-run-row"
              data-testid="payout-run-row"
              data-id={r.id}
              tabIndex={0}
              onClick={() => onOpen(r.id)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  onOpen(r.id);
                }
              }}
            >
              <td className="num po-run-id">#{r.id}</td>
              <td className="num">{formatDate(r.through)}</td>
              <td>
                <Pill tone={runStatusTone(r.status)} dot>
                  {runStatusLabel(r.status)}
                </Pill>
              </td>
              <td className="col-end">{formatCount(r.paid_count)}</td>
              <td className="col-end">{r.held_count > 0 ? formatCount(r.held_count) : <span className="ltable-dim">0</span>}</td>
              <td className="col-end">{formatMoney(r.total)}</td>
              <td className="num" title={payTotalsText(r.pay_totals)}>
                {payTotalsText(r.pay_totals)}
              </td>
              <td className="ltable-code" title={r.fingerprint ?? undefined}>
                {r.status === "approved" ? shortFingerprint(r.fingerprint) : ""}
              </td>
              <td>
                <span className="ltable-main num">{formatDate(r.approved_at ?? r.created_at)}</span>
                <span className="ltable-sub">{r.approved_at ? "approved" : "created"}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
