// Which columns of the partners table show: each column's default unless
// the manager chose otherwise, remembered on this machine. Only the choices
// made are stored, so a column added later shows as its default says.

import { useCallback, useMemo, useState } from "react";
import type { PartnerSort } from "../../../bindings/PartnerSort";
import { COLUMNS, type Column, type ColumnId } from "./columns";

export const COLUMNS_KEY = "partnerbook.partners.columns.v1";

export type ColumnChoice = Partial<Record<ColumnId, boolean>>;

const KNOWN = new Set<string>(COLUMNS.map((c) => c.id));

/** The stored choices; none when nothing (or nothing readable) is stored. */
export function readChoice(storage: Pick<Storage, "getItem"> | null): ColumnChoice {
  try {
    const raw = storage?.getItem(COLUMNS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: ColumnChoice = {};
    for (const [id, on] of Object.entries(parsed)) {
      if (KNOWN.has(id) && typeof on === "boolean") out[id as ColumnId] = on;
    }
    return out;
  } catch {
    return {};
  }
}

export function writeChoice(storage: Pick<Storage, "setItem" | "removeItem"> | null, choice: ColumnChoice): void {
  try {
    if (Object.keys(choice).length === 0) storage?.removeItem(COLUMNS_KEY);
    else storage?.setItem(COLUMNS_KEY, JSON.stringify(choice));
  } catch {
    // A full or refused storage only loses the choice for the next start.
  }
}

/** The name column always shows: a row needs something to be known by. */
export const canHide = (c: Column) => c.id !== "name";

export function isShown(c: Column, choice: ColumnChoice): boolean {
  return !canHide(c) || (choice[c.id] ?? c.defaultOn);
}

/** The column the list is ordered by shows even when turned off: the order is seen. */
export const isSortedBy = (c: Column, sort: PartnerSort | undefined) => sort !== undefined && c.sort === sort;

/** The columns to show, in the table's order. */
export function shownColumns(choice: ColumnChoice, sort?: PartnerSort): Column[] {
  return COLUMNS.filter((c) => isShown(c, choice) || isSortedBy(c, sort));
}

/** Turns a column on or off; a choice equal to the default is forgotten. */
export function toggleColumn(choice: ColumnChoice, column: Column): ColumnChoice {
  const on = !isShown(column, choice);
  const next = { ...choice };
  if (on === column.defaultOn) delete next[column.id];
  else next[column.id] = on;
  return next;
}

function storage(): Storage | null {
  try {
    return typeof window !== "undefined" ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The shown columns and the means to change them, remembered in localStorage. */
export function useColumnChoice(sort: PartnerSort) {
  const [choice, setChoice] = useState<ColumnChoice>(() => readChoice(storage()));
  const update = useCallback((next: ColumnChoice) => {
    setChoice(next);
    writeChoice(storage(), next);
  }, []);
  const columns = useMemo(() => shownColumns(choice, sort), [choice, sort]);
  return {
    choice,
    columns,
    toggle: useCallback((c: Column) => update(toggleColumn(choice, c)), [choice, update]),
    reset: useCallback(() => update({}), [update]),
  };
}
