import { invoke } from "@tauri-apps/api/core";
import type { PerformanceBy } from "../../bindings/PerformanceBy";
import type { PerformanceRow } from "../../bindings/PerformanceRow";
import type { ProgramReport } from "../../bindings/ProgramReport";
import type { RefundRow } from "../../bindings/RefundRow";
import type { RunMethodRow } from "../../bindings/RunMethodRow";
import type { TaxYear } from "../../bindings/TaxYear";
import type { Tins } from "../../bindings/Tins";
import type { UnattributedSale } from "../../bindings/UnattributedSale";
import { inBookFolder, saveDialog } from "../../lib/dialogs";

/** The reports `report_save` writes; "program" is a month's page, "tax-year" a year (in `from`), the others cover days. */
export type ReportKind = "program" | "partners" | "groups" | "unattributed" | "payouts" | "refunds" | "tax-year";

export const reportsApi = {
  program: (period: string) => invoke<ProgramReport>("report_program", { period }),
  performance: (by: PerformanceBy, from: string, to: string) => invoke<PerformanceRow[]>("report_performance", { by, from, to }),
  unattributed: (from: string, to: string) => invoke<UnattributedSale[]>("report_unattributed", { from, to }),
  payouts: (from: string | null, to: string | null) => invoke<RunMethodRow[]>("report_payouts", { from, to }),
  refunds: (from: string, to: string) => invoke<RefundRow[]>("report_refunds", { from, to }),
  taxYear: (year: number) => invoke<TaxYear>("report_tax_year", { year }),
  /**
   * For "program", `from` is the month ("YYYY-MM") and the path must end in
   * .pdf. `tins`: how the tax year's CSV shows TINs (other files never hold one whole).
   */
  save: (report: ReportKind, from: string | null, to: string | null, path: string, tins: Tins) =>
    invoke<number>("report_save", { report, from, to, path, tins }),
};

/**
 * Where to write a report: "refunds-2026-11-01-to-2026-11-30.csv" (or .pdf)
 * offered; the program report passes its month as `from` and no `to`:
 * "program-2026-11.pdf".
 */
export async function chooseReportFile(report: ReportKind, from: string, to: string, ext: "csv" | "pdf"): Promise<string | null> {
  const name = `${report}${from ? `-${from}` : ""}${to ? `-to-${to}` : ""}.${ext}`;
  const filter = ext === "pdf" ? { name: "PDF", extensions: ["pdf"] } : { name: "CSV", extensions: ["csv"] };
  return (await saveDialog({ defaultPath: inBookFolder(name), filters: [filter], title: `Save the report as ${ext.toUpperCase()}` })) ?? null;
}

/**
 * The tax year to open on: last year until March (when the 1099s for it
 * are being filed), this year from then on.
 */
export function defaultTaxYear(now: Date): number {
  return now.getMonth() < 2 ? now.getFullYear() - 1 : now.getFullYear();
}

/** The years the tax year picker offers: the default one and the four before it, newest first. */
export function taxYearChoices(now: Date): number[] {
  const last = defaultTaxYear(now);
  return [0, 1, 2, 3, 4].map((i) => last - i);
}

/** The first and last day of the month before `now`, as "YYYY-MM-DD". */
export function lastMonthRange(now: Date): [string, string] {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11" → "November 2026"; anything else as given. */
export function monthLabel(month: string, locale?: string): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(d);
}

/** Why a month cannot be reported on, or null when it can. */
export function monthProblem(month: string): string | null {
  if (!month.trim()) return "Choose a month.";
  return MONTH.test(month.trim()) ? null : `“${month}” is not a month like 2026-11.`;
}

function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/**
 * Why these days cannot be reported on, or null when they can. `open`: an
 * empty first or last day means no bound (payouts by run) instead of a
 * day still to choose.
 */
export function rangeProblem(from: string, to: string, open = false): string | null {
  if (!open && (!from || !to)) return "Choose the first and the last day.";
  for (const day of [from, to]) {
    if (day && !isDay(day)) return `“${day}” is not a date like 2026-11-30.`;
  }
  if (from && to && from > to) return "The first day is after the last day.";
  return null;
}
