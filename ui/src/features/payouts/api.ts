import { Channel, invoke } from "@tauri-apps/api/core";
import type { Adjustment } from "../../bindings/Adjustment";
import type { AdjustmentKind } from "../../bindings/AdjustmentKind";
import type { CoverageGroup } from "../../bindings/CoverageGroup";
import type { MonthEnd } from "../../bindings/MonthEnd";
import type { ExportReport } from "../../bindings/ExportReport";
import type { JobProgress } from "../../bindings/JobProgress";
import type { LineQuery } from "../../bindings/LineQuery";
import type { LinesPage } from "../../bindings/LinesPage";
import type { Payer } from "../../bindings/Payer";
import type { PaymentFormat } from "../../bindings/PaymentFormat";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { Readiness } from "../../bindings/Readiness";
import type { ReconcileReport } from "../../bindings/ReconcileReport";
import type { StatementsReport } from "../../bindings/StatementsReport";
import { exportFileName, FORMAT_LABELS, formatExtension } from "./labels";
import { inBookFolder, openDialog, saveDialog } from "../../lib/dialogs";

export const payoutsApi = {
  runs: () => invoke<PayoutRun[]>("payout_runs_list"),
  run: (id: number) => invoke<PayoutRun>("payout_run_get", { id }),
  /** Creates the draft run through `through` ("YYYY-MM-DD"); one draft at a time. */
  create: (through: string, onProgress: (p: JobProgress) => void) =>
    invoke<PayoutRun>("payout_run_create", { through, onProgress: new Channel<JobProgress>(onProgress) }),
  lines: (query: LineQuery) => invoke<LinesPage>("payout_lines", { query }),
  readiness: (runId: number) => invoke<Readiness>("payout_readiness", { runId }),
  adjustments: (runId: number) => invoke<Adjustment[]>("payout_adjustments", { runId }),
  /** `amount` as typed ("20.00", "-5.00"); `kind` null: bonus when positive, clawback when negative. */
  adjust: (runId: number, partnerId: number, amount: string, kind: AdjustmentKind | null, reason: string) =>
    invoke<Adjustment>("payout_adjust", { runId, partnerId, amount, kind, reason }),
  removeAdjustment: (runId: number, id: number) => invoke<null>("payout_adjustment_remove", { runId, id }),
  /** Backs the book up, fingerprints and locks the run: irreversible. */
  approve: (id: number, onProgress: (p: JobProgress) => void) =>
    invoke<PayoutRun>("payout_run_approve", { id, onProgress: new Channel<JobProgress>(onProgress) }),
  discard: (id: number) => invoke<PayoutRun>("payout_run_discard", { id }),
  verify: (id: number) => invoke<boolean>("payout_run_verify", { id }),
  export: (runId: number, format: PaymentFormat, path: string, executionDate: string | null = null) =>
    invoke<ExportReport>("payout_export", { runId, format, path, options: { execution_date: executionDate } }),
  /** How an approved run is paid: each provider's files, what is left by hand, what was written. */
  coverage: (runId: number) => invoke<CoverageGroup[]>("payout_coverage", { runId }),
  /** The run's month-end checklist and timeline. */
  monthEnd: (runId: number) => invoke<MonthEnd>("payout_month_end", { runId }),
  /** The transfers no provider file makes, as a PDF to pay from the bank; returns how many. */
  byHandPdf: (runId: number, path: string) => invoke<number>("payout_by_hand_pdf", { runId, path }),
  /** One partner's pending payout, or every pending payout of the run when `partnerId` is null. */
  markPaid: (runId: number, partnerId: number | null, reference: string) =>
    invoke<number>("payout_mark_paid", { runId, partnerId, reference }),
  markFailed: (runId: number, partnerId: number, reason: string) => invoke<null>("payout_mark_failed", { runId, partnerId, reason }),
  reconcile: (runId: number, path: string, dryRun: boolean) => invoke<ReconcileReport>("payout_reconcile", { runId, path, dryRun }),
  /** One PDF statement per partner paid in the run, written into `dir`. */
  statements: (runId: number, dir: string, onProgress: (p: JobProgress) => void) =>
    invoke<StatementsReport>("statements_write", { runId, dir, onProgress: new Channel<JobProgress>(onProgress) }),
  payer: () => invoke<Payer>("payout_payer_get"),
  setPayer: (iban: string, bic: string) => invoke<Payer>("payout_payer_set", { iban, bic }),
  cancelJob: () => invoke<null>("job_cancel"),
};

/** Where to write a run's payment file: "payout-run-3-paypal.csv" offered. */
export async function chooseExportPath(runId: number, format: PaymentFormat): Promise<string | null> {
  const ext = formatExtension(format);
  const picked = await saveDialog({
    defaultPath: inBookFolder(exportFileName(runId, format)),
    filters: [{ name: ext === "xml" ? "SEPA credit transfer (XML)" : "CSV", extensions: [ext] }],
    title: `Export ${FORMAT_LABELS[format]} file`,
  });
  return picked ?? null;
}

/** Where to write a run's by-hand transfers as a PDF. */
export async function chooseByHandPdfPath(runId: number): Promise<string | null> {
  const picked = await saveDialog({
    defaultPath: inBookFolder(`payout-run-${runId}-by-hand.pdf`),
    filters: [{ name: "PDF", extensions: ["pdf"] }],
    title: "Save the transfers to make by hand",
  });
  return picked ?? null;
}

/** A provider's result file (CSV), or a bank's pain.002 status report (XML), to reconcile a run with. */
export async function chooseResultFile(): Promise<string | null> {
  const picked = await openDialog({
    defaultPath: inBookFolder(),
    multiple: false,
    directory: false,
    filters: [{ name: "Payment results (CSV) or a bank's status report (pain.002 XML)", extensions: ["csv", "xml"] }],
    title: "Import a payment result file",
  });
  return typeof picked === "string" ? picked : null;
}

/** The folder to write a run's statements into. */
export async function chooseStatementsFolder(): Promise<string | null> {
  const picked = await openDialog({ defaultPath: inBookFolder(), directory: true, multiple: false, title: "Folder for the statements" });
  return typeof picked === "string" ? picked : null;
}
