import { memo, type ReactNode } from "react";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import { Chip } from "../../../components/Chip";
import { StatusPill } from "../../../components/StatusPill";
import { cx } from "../../../lib/cx";
import { formatDate } from "../../../lib/format";
import type { Column, ColumnId } from "./columns";
import { NONE, type Amounts, type MoneyView } from "./moneyView";

type Props = {
  row: PartnerRow | undefined;
  index: number;
  top: number;
  selected: boolean;
  onClick: (index: number) => void;
  columns: Column[];
  /** undefined while it is being asked for; null when it could not be. */
  money: MoneyView | null | undefined;
};

/** One line of the table; a shimmering placeholder while its page loads. */
export const PartnerRowView = memo(function PartnerRowView({ row, index, top, selected, onClick, columns, money }: Props) {
  const common = {
    role: "row",
    "aria-rowindex": index + 2,
    style: { transform: `translateY(${top}px)` },
  } as const;
  if (!row) {
    return (
      <div {...common} className="ptable-row ptable-row-loading" aria-busy="true">
        <div role="gridcell" className="cell cell-name">
          <span className="skeleton skeleton-wide" />
        </div>
        {columns[1]?.id === "email" && (
          <div role="gridcell" className="cell cell-email">
            <span className="skeleton" />
          </div>
        )}
      </div>
    );
  }
  return (
    <div
      {...common}
      id={`partner-row-${index}`}
      className={selected ? "ptable-row ptable-row-selected" : "ptable-row"}
      aria-selected={selected}
      data-testid="partner-row"
      data-id={row.id}
      onClick={() => onClick(index)}
    >
      {columns.map((c) => (
        <Cell key={c.id} column={c} row={row} money={money} />
      ))}
    </div>
  );
});

function Cell({ column, row, money }: { column: Column; row: PartnerRow; money: MoneyView | null | undefined }) {
  const id = column.id;
  if (column.money) return <MoneyCell id={id} money={money} />;
  return (
    <div role="gridcell" className={cx("cell", `cell-${id}`, column.fit && "cell-fit", (column.fit || id === "country") && "num")}>
      {partnerCell(id, row)}
    </div>
  );
}

function partnerCell(id: ColumnId, row: PartnerRow): ReactNode {
  switch (id) {
    case "name":
      return (
        <>
          <span className="cell-primary" data-testid="partner-row-name">
            {row.name}
          </span>
          {row.company && <span className="cell-secondary">{row.company}</span>}
        </>
      );
    case "email":
      return <span className="cell-ellipsis">{row.email}</span>;
    case "status":
      return <StatusPill status={row.status} />;
    case "group":
      return <span className="cell-ellipsis">{row.group_name ?? ""}</span>;
    case "tags": {
      const shown = row.tags.slice(0, 3);
      return (
        <>
          {shown.map((t) => (
            <Chip key={t} label={t} />
          ))}
          {row.tags.length > shown.length && <span className="cell-more">+{row.tags.length - shown.length}</span>}
        </>
      );
    }
    case "country":
      return row.country;
    case "created":
      return formatDate(row.created_at);
    default:
      return null;
  }
}

/** An amount, a date, a rate or a count from partner_money; a faint bar until it comes. */
function MoneyCell({ id, money }: { id: ColumnId; money: MoneyView | null | undefined }) {
  const className = `cell cell-fit cell-money cell-${id} num`;
  if (money === undefined) {
    return (
      <div role="gridcell" className={className} aria-busy="true" data-testid="money-loading">
        <span className="skeleton skeleton-num" />
      </div>
    );
  }
  if (money === null) return <div role="gridcell" className={className} />;
  let text: string;
  let more = 0;
  let title: string | undefined;
  switch (id) {
    case "revenue":
    case "commission":
    case "revenue30":
    case "commission30":
    case "balance": {
      const a: Amounts = money[id];
      ({ text, more, title } = a);
      break;
    }
    case "lastSale":
      text = money.lastSale;
      break;
    case "refundRate":
      text = money.refundRate;
      title = money.refundTitle;
      break;
    case "customers":
      text = money.customers;
      break;
    default:
      return null;
  }
  return (
    <div role="gridcell" className={cx(className, text === NONE && "cell-none")} title={title} data-testid={`money-${id}`}>
      {text}
      {more > 0 && <span className="cell-more-currencies">+{more}</span>}
    </div>
  );
}
