import type { PartnerQuery } from "../../bindings/PartnerQuery";
import type { PartnerSort } from "../../bindings/PartnerSort";
import type { PartnerStatus } from "../../bindings/PartnerStatus";
import { hasMoneyFilters, moneyQuery, NO_MONEY_FILTERS, type MoneyFilters } from "./moneyFilters";

/** What the person has chosen on the Partners screen (paging aside). */
export type Filters = {
  text: string;
  statuses: PartnerStatus[];
  groupId: number | null;
  tag: string | null;
  country: string | null;
  /** null: the default order (relevance with search text, name without). */
  sort: PartnerSort | null;
  descending: boolean;
} & MoneyFilters;

export const EMPTY_FILTERS: Filters = {
  text: "",
  statuses: [],
  groupId: null,
  tag: null,
  country: null,
  sort: null,
  descending: false,
  ...NO_MONEY_FILTERS,
};

export function hasFilters(f: Filters): boolean {
  return (
    f.text.trim() !== "" || f.statuses.length > 0 || f.groupId !== null || f.tag !== null || f.country !== null || hasMoneyFilters(f)
  );
}

export function effectiveSort(f: Filters): PartnerSort {
  if (f.sort) return f.sort;
  return f.text.trim() ? "relevance" : "name";
}

export function toQuery(f: Filters, offset = 0, limit = 0): PartnerQuery {
  const sort = effectiveSort(f);
  return {
    text: f.text.trim(),
    statuses: f.statuses,
    group_id: f.groupId,
    tag: f.tag,
    country: f.country,
    sort,
    descending: sort === "relevance" ? false : f.descending,
    offset,
    limit,
    ...moneyQuery(f),
  };
}

/** A stable key for "the same list": everything but paging. */
export function queryKey(f: Filters): string {
  return JSON.stringify(toQuery(f));
}

/** Dates open newest first and money highest first; words A to Z. */
export function descendingFirst(column: PartnerSort): boolean {
  return column === "created" || column === "updated" || column === "revenue" || column === "commission";
}

/**
 * Clicking a column header: the first click sorts ascending (newest first for
 * dates, highest first for money), the next flips the direction.
 */
export function toggleSort(f: Filters, column: PartnerSort): Filters {
  if (effectiveSort(f) === column) return { ...f, sort: column, descending: !f.descending };
  return { ...f, sort: column, descending: descendingFirst(column) };
}

/** Highest revenue of all time first, with the search and filters as they are. */
export function isTopEarners(f: Filters): boolean {
  return f.sort === "revenue" && f.descending;
}

/** "Top earners" on: by revenue, highest first; off: the usual order again. */
export function toggleTopEarners(f: Filters): Filters {
  return isTopEarners(f) ? { ...f, sort: null, descending: false } : { ...f, sort: "revenue", descending: true };
}

/** Clears the filters and the search but keeps the chosen sort. */
export function clearFilters(f: Filters): Filters {
  return { ...EMPTY_FILTERS, sort: f.sort, descending: f.descending };
}
