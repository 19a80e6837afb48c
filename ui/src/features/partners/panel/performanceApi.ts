// The partner's performance: twelve months of sales and commission, the
// balance, the payouts of approved runs, and one payout's PDF statement.

import { invoke } from "@tauri-apps/api/core";
import type { Money } from "../../../bindings/Money";
import type { MonthPoint } from "../../../bindings/MonthPoint";
import type { PartnerPerformance } from "../../../bindings/PartnerPerformance";
import { inBookFolder, saveDialog } from "../../../lib/dialogs";
import { toUnits } from "../../../lib/chartFormat";

export const performanceApi = {
  /** Twelve months ending with `through` ("YYYY-MM"), oldest first. */
  get: (id: number, through: string) => invoke<PartnerPerformance>("partner_performance_get", { id, through }),
  /** Writes the payout's PDF statement to `path`; answers the statement's number. */
  saveStatement: (payoutId: number, path: string) => invoke<string>("statement_save", { payoutId, path }),
};

/** "R3 statement.pdf", in the book's folder. */
export function statementFileName(runId: number): string {
  return `R${runId} statement.pdf`;
}

export async function chooseStatementFile(runId: number): Promise<string | null> {
  return (
    (await saveDialog({
      defaultPath: inBookFolder(statementFileName(runId)),
      filters: [{ name: "PDF", extensions: ["pdf"] }],
      title: `Save the statement of run #${runId}`,
    })) ?? null
  );
}

export { toUnits };

/** What the chart draws: one bar pair a month, in the program currency. */
export type ChartData = {
  currency: string;
  /** "YYYY-MM", oldest first. */
  months: string[];
  commission: number[];
  /** Revenue in the program currency; 0 for a month with none in it. */
  revenue: number[];
};

export function chartData(months: MonthPoint[], currency: string): ChartData {
  return {
    currency,
    months: months.map((m) => m.month),
    commission: months.map((m) => toUnits(m.commission.minor, m.commission.currency)),
    revenue: months.map((m) => {
      const r = m.revenue.find((x) => x.currency === currency);
      return r ? toUnits(r.minor, currency) : 0;
    }),
  };
}

/**
 * Revenue in currencies other than the program's, summed over the months,
 * by currency code (sorted): these cannot share the chart's scale.
 */
export function otherRevenue(months: MonthPoint[], currency: string): Money[] {
  const sums = new Map<string, number>();
  for (const m of months) {
    for (const r of m.revenue) {
      if (r.currency === currency) continue;
      sums.set(r.currency, (sums.get(r.currency) ?? 0) + r.minor);
    }
  }
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, minor]) => ({ minor, currency: c }));
}

/** True when nothing happened in the twelve months: no sale, refund, revenue or commission. */
export function isQuiet(months: MonthPoint[]): boolean {
  return months.every((m) => m.sales === 0 && m.refunds === 0 && m.commission.minor === 0 && m.revenue.every((r) => r.minor === 0));
}

/** "Mar 2026". */
export function shortMonth(period: string, locale?: string): string {
  const [y, m] = period.split("-").map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}
