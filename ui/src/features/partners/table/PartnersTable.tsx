import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import type { PartnerSort } from "../../../bindings/PartnerSort";
import { COLUMNS, ROW_HEIGHT } from "./columns";
import { actionForKey, type NavAction } from "./keyboard";
import { PartnerRowView } from "./PartnerRowView";
import "./PartnersTable.css";

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
};

export function PartnersTable(props: Props) {
  const { total, rowAt, ensureRange, selected, onNav, onRowClick, sort, descending, onSort, resetKey, gridRef } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : 0;

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    if (selected !== null && selected < total) virtualizer.scrollToIndex(selected, { align: "auto" });
  }, [selected, total, virtualizer]);

  const pageRows = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = actionForKey(e.key, { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey });
    if (!action) return;
    if (action.type === "close" && selected === null) return;
    e.preventDefault();
    onNav(action, pageRows());
  };

  return (
    <div
      ref={gridRef}
      className="ptable"
      role="grid"
      aria-label="Partners"
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selected !== null && rowAt(selected) ? `partner-row-${selected}` : undefined}
      tabIndex={0}
      data-testid="partners-table"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="ptable-head">
        <div role="row" aria-rowindex={1} className="ptable-row ptable-head-row">
          {COLUMNS.map((c) => {
            const active = c.sort !== undefined && c.sort === sort;
            return (
              <div
                key={c.id}
                role="columnheader"
                className={`cell cell-${c.id}`}
                aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
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
      <div ref={scrollRef} className="ptable-scroll">
        <div role="rowgroup" className="ptable-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <PartnerRowView
              key={item.key}
              index={item.index}
              top={item.start}
              row={rowAt(item.index)}
              selected={item.index === selected}
              onClick={onRowClick}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
