import { memo, type KeyboardEvent, type RefObject } from "react";
import type { Commission } from "../../bindings/Commission";
import { Pill } from "../../components/Pill";
import { cx } from "../../lib/cx";
import { formatMoney } from "../../lib/moneyDisplay";
import { formatStamp } from "../conversions/labels";
import { holdReasonText, splitHoldReason } from "./holdReason";
import { isVoid, kindLabel, kindTitle, kindTone, stateLabel, stateTone } from "./labels";
import "../../components/LedgerTable.css";

type Props = {
  rows: Commission[];
  selectedId: number | null;
  onRowClick: (id: number) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => void;
  tableRef: RefObject<HTMLTableElement | null>;
  /** With the detail panel open: no Rule and Due on columns. */
  compact: boolean;
};

/**
 * One page of commission lines, newest first; arrows or j/k move, Enter opens.
 * Dates, kinds, amounts and states fit their values and are never cut; the
 * partner and rule share the rest and truncate.
 */
export function CommissionsTable({ rows, selectedId, onRowClick, onKeyDown, tableRef, compact }: Props) {
  return (
    <div className="ltable-scroll">
      <table
        ref={tableRef}
        className={cx("ltable ltable-fit ktable", compact && "ktable-compact")}
        role="grid"
        aria-label="Commissions"
        tabIndex={0}
        aria-activedescendant={selectedId !== null && rows.some((r) => r.id === selectedId) ? `commission-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="commissions-table"
      >
        <colgroup>
          <col className="kcol-date" />
          <col className="kcol-partner" />
          <col className="kcol-kind" />
          {!compact && <col className="kcol-rule" />}
          <col className="kcol-amount" />
          <col className="kcol-state" />
          {!compact && <col className="kcol-due" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="col-fit">
              Date
            </th>
            <th scope="col" title="Partner">
              Partner
            </th>
            <th scope="col" className="col-fit">
              Kind
            </th>
            {!compact && (
              <th scope="col" title="Rule">
                Rule
              </th>
            )}
            <th scope="col" className="col-fit col-end">
              Amount
            </th>
            <th scope="col" className="col-fit">
              State
            </th>
            {!compact && (
              <th scope="col" className="col-fit">
                Due on
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <CommissionRow key={c.id} c={c} selected={c.id === selectedId} onClick={onRowClick} compact={compact} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = { c: Commission; selected: boolean; onClick: (id: number) => void; compact: boolean };

const CommissionRow = memo(function CommissionRow({ c, selected, onClick, compact }: RowProps) {
  return (
    <tr data-testid="commission-row" data-id={c.id} aria-selected={selected} id={`commission-${c.id}`} onClick={() => onClick(c.id)}>
      <td className="col-fit kdate">{c.occurred_at ? formatStamp(c.occurred_at).slice(0, 10) : ""}</td>
      <td title={c.partner_name}>
        <span className="ltable-main kpartner-cell">{c.partner_name}</span>
        {c.conversion_external_id && (
          <span className="ltable-sub" title={c.conversion_external_id}>
            {c.conversion_external_id}
          </span>
        )}
      </td>
      <td className="col-fit">
        <Pill tone={kindTone(c.kind, c.amount)} title={kindTitle(c.kind, c.amount)}>
          {kindLabel(c.kind, c.amount)}
        </Pill>
      </td>
      {!compact && (
        <td className="ltable-code" title={c.rule_id}>
          {c.rule_id}
        </td>
      )}
      <td className="col-fit col-end" title={c.hold_reason ? holdReasonText(c.hold_reason) : undefined}>
        <Amount c={c} />
      </td>
      <td className="col-fit">
        <Pill tone={stateTone(c.state)} dot>
          {stateLabel(c.state)}
        </Pill>
      </td>
      {!compact && <td className="col-fit kdue">{c.due_on}</td>}
    </tr>
  );
});

function Amount({ c }: { c: Commission }) {
  if (!c.amount) {
    return (
      <>
        <span className="ltable-main muted">held</span>
        {c.hold_reason && <span className="ltable-sub">{splitHoldReason(c.hold_reason).missing}</span>}
      </>
    );
  }
  return (
    <span className={cx("ltable-main", c.amount.minor < 0 && "ltable-negative", isVoid(c.state) && "kvoid")}>{formatMoney(c.amount)}</span>
  );
}
