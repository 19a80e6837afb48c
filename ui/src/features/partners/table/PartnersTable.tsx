import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from "react";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import type { PartnerSort } from "../../../bindings/PartnerSort";
import { cx } from "../../../lib/cx";
import { gridTemplate, HEAD_HEIGHT, minRowWidth, ROW_HEIGHT, type Column } from "./columns";
import { actionForKey, type NavAction } from "./keyboard";
import { blocksForRange } from "./moneyCache";
import { PartnerRowView } from "./PartnerRowView";
import type { PartnerMoneyState } from "./usePartnerMoney";
import "./PartnersTable.css";

/** Money is asked for once the scrolling stops for this long. */
const MONEY_SETTLE_MS = 80;

type Props = {
  total: number;
  rowAt: (index: number) => PartnerRow | undefined;
  ensureRange: (first: number, last: number) => void;
  selected: number | null;
  onNav: (action: NavAction, pageRows: number) => void;
  onRowClick: (index: number) => void;
  sort: PartnerSort;
  descending: boolean;
  onSort: (column: PartnerSort) => void;
  /** Changes whenever the list is for a new query: scrolls back to the top. */
  resetKey: string;
  gridRef?: RefObject<HTMLDivElement | null>;
  /** The columns shown, in order. */
  columns: Column[];
  money: PartnerMoneyState;
};

export function PartnersTable(props: Props) {
  const { total, rowAt, ensureRange, selected, onNav, onRowClick, sort, descending, onSort, resetKey, gridRef, columns, money } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrolledX, setScrolledX] = useState(false);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The header sits in the scroll box (it scrolls sideways with the rows).
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  // The money of the rows on screen, a block of ids per call, once they are
  // loaded and the scrolling has settled (a fling past thousands of rows
  // asks for none of them). Only when a money column shows.
  const wantMoney = columns.some((c) => c.money);
  const blocks = wantMoney && total > 0 ? blocksForRange(first, last, total) : [];
  const idBlocks = blocks.map(([lo, hi]) => {
    const ids: number[] = [];
    for (let i = lo; i <= hi; i++) {
      const r = rowAt(i);
      if (r) ids.push(r.id);
    }
    return ids;
  });
  const moneyKey = `${money.generation}|${idBlocks.map((b) => b.join(",")).join("|")}`;
  const idBlocksRef = useRef(idBlocks);
  idBlocksRef.current = idBlocks;
  const { ensure } = money;
  useEffect(() => {
    if (!idBlocksRef.current.some((b) => b.length > 0)) return;
    const timer = setTimeout(() => idBlocksRef.current.forEach((ids) => ids.length && ensure(ids)), MONEY_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [moneyKey, ensure]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    if (selected !== null && selected < total) virtualizer.scrollToIndex(selected, { align: "auto" });
  }, [selected, total, virtualizer]);

  const pageRows = () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = actionForKey(e.key, { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey });
    if (!action) return;
    if (action.type === "close" && selected === null) return;
    e.preventDefault();
    onNav(action, pageRows());
  };

  // Fitted columns widen to their widest value seen (money.version changes with each answer).
  const layout = {
    "--ptable-cols": gridTemplate(columns, money.widest),
    "--ptable-min": minRowWidth(columns, money.widest),
    height: virtualizer.getTotalSize(),
  } as CSSProperties;

  return (
    <div
      ref={gridRef}
      className={cx("ptable", scrolledX && "ptable-scrolled-x")}
      role="grid"
      aria-label="Partners"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selected !== null && rowAt(selected) ? `partner-row-${selected}` : undefined}
      tabIndex={0}
      data-testid="partners-table"
      onKeyDown={onKeyDown}
    >
      <div
        ref={scrollRef}
        className="ptable-scroll"
        onScroll={(e) => {
          const x = e.currentTarget.scrollLeft > 0;
          if (x !== scrolledX) setScrolledX(x);
        }}
      >
        <div className="ptable-canvas" style={layout}>
          <div role="rowgroup" className="ptable-head">
            <div role="row" aria-rowindex={1} className="ptable-row ptable-head-row">
              {columns.map((c) => {
                const active = c.sort !== undefined && c.sort === sort;
                return (
                  <div
                    key={c.id}
                    role="columnheader"
                    className={cx("cell", `cell-${c.id}`, c.align === "end" && "cell-end")}
                    aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
                    title={c.title}
                    data-testid={`column-${c.id}`}
                  >
                    {c.sort ? (
                      <button type="button" tabIndex={-1} className={active ? "sort sort-active" : "sort"} onClick={() => onSort(c.sort!)}>
                        {c.label}
                        {active && (descending ? <ArrowDown size={12} /> : <ArrowUp size={12} />)}
                      </button>
                    ) : (
                      c.label
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="ptable-body">
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <PartnerRowView
                  key={item.key}
                  index={item.index}
                  top={item.start}
                  row={row}
                  selected={item.index === selected}
                  onClick={onRowClick}
                  columns={columns}
                  money={row && wantMoney ? money.moneyFor(row.id) : null}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
