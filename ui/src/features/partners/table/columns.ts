import type { PartnerSort } from "../../../bindings/PartnerSort";

export type MoneyColumnId = "revenue" | "commission" | "revenue30" | "commission30" | "balance" | "lastSale" | "refundRate" | "customers";
export type ColumnId = "name" | "email" | "status" | "group" | "tags" | "country" | "created" | MoneyColumnId;

export type Column = {
  id: ColumnId;
  label: string;
  /** The menu's longer name, when the header's is short. */
  menuLabel?: string;
  sort?: PartnerSort;
  align?: "end";
  /**
   * The grid track. A text column shares the spare width (minmax … fr) and
   * cuts its text; a fitted one (amounts, dates) is as wide as its widest
   * value (`fit`, in ch of the row's tabular digits) but never narrower than
   * `min` px, so its header and values are never cut.
   */
  track: string;
  min: number;
  fit?: boolean;
  /** Read from partner_money, after the rows. */
  money?: boolean;
  /**
   * Shown until the manager says otherwise. Off: what would crowd the money
   * out of a 1280 px window (a column also shows while the list is ordered
   * by it, so "newest first" still shows when they joined).
   */
  defaultOn: boolean;
  /** What the header says on hover. */
  title?: string;
};

export const COLUMNS: Column[] = [
  { id: "name", label: "Name", sort: "name", track: "minmax(140px, 2fr)", min: 140, defaultOn: true },
  { id: "email", label: "Email", track: "minmax(130px, 2fr)", min: 130, defaultOn: true },
  { id: "status", label: "Status", sort: "status", track: "104px", min: 104, defaultOn: true },
  { id: "group", label: "Group", track: "minmax(90px, 1fr)", min: 90, defaultOn: false },
  { id: "tags", label: "Tags", track: "minmax(100px, 1.3fr)", min: 100, defaultOn: false },
  { id: "country", label: "Country", sort: "country", track: "72px", min: 72, defaultOn: true },
  { id: "created", label: "Created", sort: "created", align: "end", track: "100px", min: 100, fit: true, defaultOn: false },
  {
    id: "revenue",
    label: "Revenue",
    sort: "revenue",
    align: "end",
    track: "",
    min: 76,
    fit: true,
    money: true,
    defaultOn: true,
    title: "Sales and renewals, all time. Sorts by the amount in the program's currency.",
  },
  {
    id: "commission",
    label: "Commission",
    sort: "commission",
    align: "end",
    track: "",
    min: 96,
    fit: true,
    money: true,
    defaultOn: true,
    title: "Commission earned less what was given back, all time. Sorts by the amount in the program's currency.",
  },
  {
    id: "revenue30",
    label: "30-day revenue",
    menuLabel: "Revenue, 30 days",
    align: "end",
    track: "",
    min: 96,
    fit: true,
    money: true,
    defaultOn: false,
    title: "Sales and renewals in the 30 days to today.",
  },
  {
    id: "commission30",
    label: "30-day commission",
    menuLabel: "Commission, 30 days",
    align: "end",
    track: "",
    min: 116,
    fit: true,
    money: true,
    defaultOn: false,
    title: "Commission in the 30 days to today.",
  },
  {
    id: "balance",
    label: "Balance due",
    align: "end",
    track: "",
    min: 76,
    fit: true,
    money: true,
    defaultOn: true,
    title: "Approved commission not yet in a payout run.",
  },
  { id: "lastSale", label: "Last sale", align: "end", track: "", min: 96, fit: true, money: true, defaultOn: true, title: "The day of the latest sale or renewal." },
  {
    id: "refundRate",
    label: "Refund rate",
    align: "end",
    track: "80px",
    min: 80,
    fit: true,
    money: true,
    defaultOn: false,
    title: "Refunds and chargebacks as a share of sales, all time.",
  },
  { id: "customers", label: "Customers", align: "end", track: "", min: 72, fit: true, money: true, defaultOn: false, title: "Customers credited to the partner, all time." },
];

export const ROW_HEIGHT = 48;
export const HEAD_HEIGHT = 34;
/** The row's side padding and the gap between columns, in px (as in the CSS). */
export const ROW_PADDING = 24;
export const COLUMN_GAP = 12;

/** A fitted column's width: its widest value seen (in ch) or its minimum. */
function fittedWidth(c: Column, widest: Partial<Record<ColumnId, number>>): string {
  const ch = widest[c.id];
  return ch ? `max(${c.min}px, ${Math.ceil(ch * 10) / 10}ch)` : `${c.min}px`;
}

/** The grid tracks for `columns`: fixed, shared, or as wide as their widest value. */
export function gridTemplate(columns: Column[], widest: Partial<Record<ColumnId, number>>): string {
  return columns.map((c) => c.track || fittedWidth(c, widest)).join(" ");
}

/**
 * The width under which the grid would crush its columns (CSS, resolved in
 * the row's font): the table scrolls sideways instead.
 */
export function minRowWidth(columns: Column[], widest: Partial<Record<ColumnId, number>>): string {
  const tracks = columns.map((c) => (c.track ? `${c.min}px` : fittedWidth(c, widest)));
  const fixed = COLUMN_GAP * Math.max(0, columns.length - 1) + 2 * ROW_PADDING;
  return `calc(${[`${fixed}px`, ...tracks].join(" + ")})`;
}
