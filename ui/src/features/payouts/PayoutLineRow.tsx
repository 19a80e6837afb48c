import { memo } from "react";
import type { Money } from "../../bindings/Money";
import type { PayoutLine } from "../../bindings/PayoutLine";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { cx } from "../../lib/cx";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { lineStatusLabel, lineStatusTone, methodLabel } from "./labels";

export type SettleHow = "paid" | "failed";

type Settle = (line: PayoutLine, how: SettleHow) => void;

type Props = {
  line: PayoutLine;
  /** How many columns the table has: the reasons row spans them all. */
  columns: number;
  /** Whether the table has its last column (settling, reference, failure). */
  notes: boolean;
  onSettle?: Settle;
};

/** One line of a run: its row and, when it is held, a full-width row with every reason, one a line. */
export const PayoutLineRow = memo(function PayoutLineRow({ line, columns, notes, onSettle }: Props) {
  const held = line.blocked.length > 0;
  return (
    <tbody className="po-line">
      <tr
        data-testid="payout-line-row"
        data-id={line.id}
        data-partner={line.partner_id}
        className={cx(line.status === "held" && "po-line-held", held && "po-line-has-reasons")}
      >
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
        {notes && <Notes line={line} onSettle={onSettle} />}
      </tr>
      {held && (
        <tr className={cx("po-line-reasons-row", line.status === "held" && "po-line-held")}>
          <td colSpan={columns} data-testid="payout-line-blocked">
            <div className="po-line-reasons">
              <span className="po-reasons-label">Not paid:</span>
              <ul className="po-reasons">
                {line.blocked.map((reason, i) => (
                  <li key={i} className="po-reason">
                    {reason}
                  </li>
                ))}
              </ul>
            </div>
          </td>
        </tr>
      )}
    </tbody>
  );
});

function Amount({ m, strong }: { m: Money; strong?: boolean }) {
  return (
    <td className="col-end">
      <span className={cx("ltable-main", m.minor < 0 && "ltable-negative", m.minor === 0 && "ltable-dim", strong && "po-strong")}>{formatMoney(m)}</span>
    </td>
  );
}

/** Pending (while paying): Paid… / Failed…. Failed: why. Paid: the reference and the day. */
function Notes({ line, onSettle }: { line: PayoutLine; onSettle?: Settle }) {
  if (line.status === "pending" && onSettle) {
    return (
      <td>
        <div className="po-line-actions">
          {line.unclaimed_since && (
            <span
              className="po-note"
              title="The provider holds the money until the partner accepts it; it comes back after 30 days if nobody does."
              data-testid="payout-line-unclaimed"
            >
              Unclaimed since {formatDate(line.unclaimed_since)}
            </span>
          )}
          <Button size="sm" onClick={() => onSettle(line, "paid")} data-testid="payout-line-mark-paid">
            Paid…
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onSettle(line, "failed")} data-testid="payout-line-mark-failed">
            Failed…
          </Button>
        </div>
      </td>
    );
  }
  if (line.status === "failed") {
    return (
      <td className="po-notes">
        <span className="po-note po-note-failed">{line.failure ?? "Failed"}</span>
      </td>
    );
  }
  if (line.status === "paid") {
    return (
      <td className="po-notes">
        {line.reference && <span className="po-note">Ref. {line.reference}</span>}
        {line.settled_at && <span className="po-note">{formatDate(line.settled_at)}</span>}
      </td>
    );
  }
  return <td />;
}
