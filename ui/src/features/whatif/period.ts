// Months as "YYYY-MM", on the person's own calendar.

const pad = (n: number) => String(n).padStart(2, "0");

function parts(period: string): [number, number] {
  const [y, m] = period.split("-").map(Number);
  return [y, m];
}

/** `period` moved by `delta` months: ("2026-01", -1) → "2025-12". */
export function shiftPeriod(period: string, delta: number): string {
  const [y, m] = parts(period);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function thisMonth(today: Date = new Date()): string {
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}`;
}

/** The month before today's: what "last month" means on this machine. */
export function lastMonth(today: Date = new Date()): string {
  return shiftPeriod(thisMonth(today), -1);
}

/** The months a what-if can look at, newest first: this month, then `count - 1` before it. */
export function recentPeriods(today: Date = new Date(), count = 36): string[] {
  const current = thisMonth(today);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -i));
}

/** "May 2026". */
export function periodLabel(period: string, locale?: string): string {
  const [y, m] = parts(period);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The first and last day of the month: ["2026-02-01", "2026-02-28"]. */
export function periodDays(period: string): [string, string] {
  const [y, m] = parts(period);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${period}-01`, `${period}-${pad(last)}`];
}
