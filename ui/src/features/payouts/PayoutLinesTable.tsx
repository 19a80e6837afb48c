import { memo } from "react";
import type { Money } from "../../bindings/Money";
import type { PayoutLine } from "../../bindings/PayoutLine";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { cx } from "../../lib/cx";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { lineStatusLabel, lineStatusTone, methodLabel } from "./labels";
import "../../components/LedgerTable.css";

export type SettleHow = "paid" | "failed";

type Props = { rows: PayoutLine[]; onSettle?: (line: PayoutLine, how: SettleHow) => void };

/** One page of a run's lines: how each balance adds up, what is sent, and why a line is held. */
export function PayoutLinesTable({ rows, onSettle }: Props) {
  return (
    <div className="ltable-scroll">
      <table className="ltable po-table po-lines-table" aria-label="Payout lines" data-testid="payout-lines-table">
        <colgroup>
          <col className="po-col-partner" />
          <col className="po-col-money" />
          <col className="po-col-money" />
          <col className="po-col-money" />
          <col className="po-col-money" />
          <col className="po-col-money" />
          <col className="po-col-money" />
          <col className="po-col-method" />
          <col className="po-col-status" />
          <col className="po-col-notes" />
          {onSettle && <col className="po-col-actions" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col" className="col-end">
              Commissions
            </th>
            <th scope="col" className="col-end">
              Clawbacks
            </th>
            <th scope="col" className="col-end">
              Carried
            </th>
            <th scope="col" className="col-end">
              Adjustments
            </th>
            <th scope="col" className="col-end">
              Balance
            </th>
            <th scope="col" className="col-end">
              Pay
            </th>
            <th scope="col">Method</th>
            <th scope="col">Status</th>
            <th scope="col">Notes</th>
            {onSettle && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((line) => (
            <LineRow key={line.id} line={line} onSettle={onSettle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const LineRow = memo(function LineRow({ line, onSettle }: { line: PayoutLine; onSettle?: Props["onSettle"] }) {
  return (
    <tr data-testid="payout-line-row" data-id={line.id} data-partner={line.partner_id} className={cx(line.status === "held" && "po-line-held")}>
      <td title={line.partner_email ? `${line.partner_name} <${line.partner_email}>` : line.partner_name}>
        <span className="ltable-main po-partner">{line.partner_name}</span>
        {line.partner_email && <span className="ltable-sub">{line.partner_email}</span>}
      </td>
      <Amount m={line.commissions} />
      <Amount m={line.clawbacks} />
      <Amount m={line.carried} />
      <Amount m={line.adjustments} />
      <Amount m={line.balance} strong />
      <td className="col-end">
        {line.pay ? (
          <span
            className={cx("ltable-main", line.fx_rate && "po-fx")}
            title={line.fx_rate ? `1 ${line.balance.currency} = ${line.fx_rate} ${line.pay.currency}` : undefined}
          >
            {formatMoney(line.pay)}
          </span>
        ) : (
          <span className="ltable-dim">—</span>
        )}
      </td>
      <td>
        <span className="ltable-main">{methodLabel(line.method) || <span className="ltable-dim">—</span>}</span>
        {line.account_masked && <span className="ltable-sub">{line.account_masked}</span>}
      </td>
      <td>
        <Pill tone={lineStatusTone(line.status)} dot>
          {lineStatusLabel(line.status)}
        </Pill>
      </td>
      <Notes line={line} />
      {onSettle && (
        <td>
          {line.status === "pending" && (
            <div className="po-line-actions">
              <Button size="sm" onClick={() => onSettle(line, "paid")} data-testid="payout-line-mark-paid">
                Paid…
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onSettle(line, "failed")} data-testid="payout-line-mark-failed">
                Failed…
              </Button>
            </div>
          )}
        </td>
      )}
    </tr>
  );
});

function Amount({ m, strong }: { m: Money; strong?: boolean }) {
  return (
    <td className="col-end">
      <span className={cx("ltable-main", m.minor < 0 && "ltable-negative", m.minor === 0 && "ltable-dim", strong && "po-strong")}>{formatMoney(m)}</span>
    </td>
  );
}

/** Held: every reason, one a line. Failed: why. Paid: the reference. */
function Notes({ line }: { line: PayoutLine }) {
  if (line.blocked.length > 0) {
    return (
      <td className="po-notes" data-testid="payout-line-blocked">
        {line.blocked.map((reason, i) => (
          <span key={i} className="po-reason">
            {reason}
          </span>
        ))}
      </td>
    );
  }
  if (line.status === "failed") {
    return (
      <td className="po-notes">
        <span className="po-reason po-reason-failed">{line.failure ?? "Failed"}</span>
      </td>
    );
  }
  if (line.status === "paid") {
    return (
      <td className="po-notes">
        {line.reference && <span className="po-reason">Ref. {line.reference}</span>}
        {line.settled_at && <span className="po-reason">{formatDate(line.settled_at)}</span>}
      </td>
    );
  }
  return <td className="po-notes" />;
}
