// The period filter: a month ("2024-02") or explicit days, as the inclusive
// "YYYY-MM-DD" bounds the commissions query takes.

export type Period = { mode: "month"; month: string } | { mode: "range"; from: string; to: string };

export type Bounds = { from: string | null; to: string | null; error: string | null };

const two = (n: number) => String(n).padStart(2, "0");

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2024-02" → first and last day: 2024-02-01 … 2024-02-29. Null for anything else. */
export function monthRange(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  if (mon < 1 || mon > 12) return null;
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${two(daysInMonth(year, mon))}` };
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Today on this machine's calendar, "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The query's bounds for a period; an empty month or day means no bound. */
export function periodBounds(period: Period): Bounds {
  if (period.mode === "month") {
    if (!period.month.trim()) return { from: null, to: null, error: null };
    const range = monthRange(period.month);
    return range ? { ...range, error: null } : { from: null, to: null, error: `“${period.month}” is not a month like 2026-05` };
  }
  const from = period.from.trim();
  const to = period.to.trim();
  for (const day of [from, to]) {
    if (day && !isIsoDate(day)) return { from: null, to: null, error: `“${day}” is not a date like 2026-05-31` };
  }
  if (from && to && from > to) return { from: null, to: null, error: "The first day is after the last day" };
  return { from: from || null, to: to || null, error: null };
}
