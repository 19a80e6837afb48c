// Calendar days as "YYYY-MM-DD" text, in the person's own calendar.

import type { PlanVersion } from "../../bindings/PlanVersion";

const pad = (n: number) => String(n).padStart(2, "0");

/** Today on this machine's calendar. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first day of the month after `day`: "2026-12-15" → "2027-01-01". */
export function firstOfNextMonth(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
}

/** The first day of `day`'s month. */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The version in force on `day`: the latest one starting on or before it. */
export function versionInForce(versions: PlanVersion[], day: string): PlanVersion | null {
  let found: PlanVersion | null = null;
  for (const v of versions) {
    if (v.effective_from <= day && (!found || v.effective_from >= found.effective_from)) found = v;
  }
  return found;
}

/** The version that starts last (the one a new version copies). */
export function latestVersion(versions: PlanVersion[]): PlanVersion | null {
  return versions.reduce<PlanVersion | null>((a, v) => (!a || v.effective_from > a.effective_from ? v : a), null);
}
