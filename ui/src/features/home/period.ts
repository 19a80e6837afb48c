// The home screen's period: whole months "YYYY-MM", both ends included, as
// home_get takes them. "This month" is the computer's month: the book has
// no clock of its own.

export type PeriodChoice = "this_month" | "last_month" | "this_quarter" | "this_year" | "last_12" | "custom";

export const PERIOD_CHOICES: { value: PeriodChoice; label: string }[] = [
  { value: "this_month", label: "This month" },
  { value: "last_month", label: "Last month" },
  { value: "this_quarter", label: "This quarter" },
  { value: "this_year", label: "This year" },
  { value: "last_12", label: "Last 12 months" },
  { value: "custom", label: "Custom" },
];

/** The choice, and the months typed for Custom (kept when another choice is made). */
export type PeriodSetting = { choice: PeriodChoice; from: string; to: string };

export type Months = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parts(month: string): [number, number] {
  const [y, m] = month.split("-").map(Number);
  return [y, m];
}

export function monthOf(today: Date): string {
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}`;
}

/** `month` moved by `delta` months: ("2026-01", -1) → "2025-12". */
export function addMonths(month: string, delta: number): string {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Months from `from` to `to`, both counted. */
export function monthCount(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return (ty - fy) * 12 + tm - fm + 1;
}

/**
 * The months a choice covers on `today`. The quarter and the year run to
 * this month (the months after it hold nothing yet), so they are compared
 * with as many months just before.
 */
export function choiceMonths(choice: Exclude<PeriodChoice, "custom">, today: Date): Months {
  const now = monthOf(today);
  switch (choice) {
    case "this_month":
      return { from: now, to: now };
    case "last_month": {
      const last = addMonths(now, -1);
      return { from: last, to: last };
    }
    case "this_quarter": {
      const m = today.getMonth();
      return { from: `${today.getFullYear()}-${pad(m - (m % 3) + 1)}`, to: now };
    }
    case "this_year":
      return { from: `${today.getFullYear()}-01`, to: now };
    case "last_12":
      return { from: addMonths(now, -11), to: now };
  }
}

/** Why typed months are not a period, or null when they are. */
export function customProblem(from: string, to: string): string | null {
  const f = from.trim();
  const t = to.trim();
  if (!f || !t) return "Choose the first and the last month.";
  for (const m of [f, t]) {
    if (!MONTH.test(m)) return `“${m}” is not a month like 2026-11.`;
  }
  if (f > t) return "The first month is after the last month.";
  return null;
}

/** The months a setting covers, or a problem with the typed ones. */
export function settingMonths(setting: PeriodSetting, today: Date): Months | { problem: string } {
  if (setting.choice !== "custom") return choiceMonths(setting.choice, today);
  const problem = customProblem(setting.from, setting.to);
  return problem ? { problem } : { from: setting.from.trim(), to: setting.to.trim() };
}

/** "Nov 2026". */
export function shortMonth(month: string, locale?: string): string {
  const [y, m] = parts(month);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "Nov 2026", "Sep – Nov 2026", "Dec 2025 – Nov 2026". */
export function rangeLabel(from: string, to: string, locale?: string): string {
  if (from === to) return shortMonth(from, locale);
  const [fy, fm] = parts(from);
  if (fy === parts(to)[0]) {
    const name = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(fy, fm - 1, 1)));
    return `${name} \u2013 ${shortMonth(to, locale)}`;
  }
  return `${shortMonth(from, locale)} \u2013 ${shortMonth(to, locale)}`;
}

/** What a change is measured against: "vs Oct 2026", "vs previous 3 months". */
export function versusLabel(previousFrom: string, previousTo: string, locale?: string): string {
  const n = monthCount(previousFrom, previousTo);
  return n === 1 ? `vs ${shortMonth(previousFrom, locale)}` : `vs previous ${n} months`;
}

/** The first and last day of a span of months: ["2026-09-01", "2026-11-30"]. */
export function monthDays(from: string, to: string): { from: string; to: string } {
  const [y, m] = parts(to);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${from}-01`, to: `${to}-${pad(last)}` };
}

// The choice lasts for the session: the home screen is left and opened
// again, and a new window of the same run keeps it too.
const KEY = "partnerbook.home.period";
const FLOOR_KEY = "partnerbook.home.refundFloor";
export const DEFAULT_SETTING: PeriodSetting = { choice: "this_month", from: "", to: "" };

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function rememberedSetting(): PeriodSetting {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) ?? "null") as PeriodSetting | null;
    if (saved && PERIOD_CHOICES.some((c) => c.value === saved.choice)) {
      return { choice: saved.choice, from: String(saved.from ?? ""), to: String(saved.to ?? "") };
    }
  } catch {
    // A setting from an older build: start again.
  }
  return DEFAULT_SETTING;
}

export function rememberSetting(setting: PeriodSetting): void {
  storage()?.setItem(KEY, JSON.stringify(setting));
}

/** The refund-rate chart's floor chosen this session, or null for the book's default. */
export function rememberedFloor(): number | null {
  const n = Number(storage()?.getItem(FLOOR_KEY) ?? "");
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function rememberFloor(floor: number | null): void {
  if (floor === null) storage()?.removeItem(FLOOR_KEY);
  else storage()?.setItem(FLOOR_KEY, String(floor));
}
