import { invoke } from "@tauri-apps/api/core";
import type { RefundRow } from "../../bindings/RefundRow";
import type { RunMethodRow } from "../../bindings/RunMethodRow";
import { inBookFolder, saveDialog } from "../../lib/dialogs";

export type ReportKind = "payouts" | "refunds";

export const reportsApi = {
  payouts: (from: string | null, to: string | null) => invoke<RunMethodRow[]>("report_payouts", { from, to }),
  refunds: (from: string, to: string) => invoke<RefundRow[]>("report_refunds", { from, to }),
  save: (report: ReportKind, from: string | null, to: string | null, path: string) =>
    invoke<number>("report_save", { report, from, to, path }),
};

/** Where to write a report: "refunds-2026-11-01-to-2026-11-30.csv" (or .pdf) offered. */
export async function chooseReportFile(report: ReportKind, from: string, to: string, ext: "csv" | "pdf"): Promise<string | null> {
  const name = `${report}${from ? `-${from}` : ""}${to ? `-to-${to}` : ""}.${ext}`;
  const filter = ext === "pdf" ? { name: "PDF", extensions: ["pdf"] } : { name: "CSV", extensions: ["csv"] };
  return (await saveDialog({ defaultPath: inBookFolder(name), filters: [filter], title: `Save the report as ${ext.toUpperCase()}` })) ?? null;
}

/** The first and last day of the month before `now`, as "YYYY-MM-DD". */
export function lastMonthRange(now: Date): [string, string] {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}
