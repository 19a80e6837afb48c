import { Channel, invoke } from "@tauri-apps/api/core";
import type { Commission } from "../../bindings/Commission";
import type { CommissionPage } from "../../bindings/CommissionPage";
import type { CommissionQuery } from "../../bindings/CommissionQuery";
import type { DueLines } from "../../bindings/DueLines";
import type { EngineReport } from "../../bindings/EngineReport";
import type { FxImportReport } from "../../bindings/FxImportReport";
import type { JobProgress } from "../../bindings/JobProgress";
import { inBookFolder, openDialog } from "../../lib/dialogs";

export type { JobProgress };

export const commissionsApi = {
  list: (query: CommissionQuery) => invoke<CommissionPage>("commissions_list", { query }),
  explain: (id: number) => invoke<string>("commission_explain", { id }),
  approveDue: (asOf: string | null) => invoke<DueLines>("commissions_approve_due", { asOf }),
  duePreview: (asOf: string) => invoke<DueLines>("commissions_due_preview", { asOf }),
  decline: (id: number, reason: string) => invoke<Commission>("commission_decline", { id, reason }),
  compute: (onProgress: (p: JobProgress) => void) =>
    invoke<EngineReport>("commissions_compute", { onProgress: new Channel<JobProgress>(onProgress) }),
  /** With `dryRun`, what the import would store and compute; nothing is written. */
  fxImport: (path: string, dryRun: boolean, onProgress: (p: JobProgress) => void) =>
    invoke<[FxImportReport, EngineReport]>("fx_import", { path, dryRun, onProgress: new Channel<JobProgress>(onProgress) }),
  cancelJob: () => invoke<null>("job_cancel"),
};

export async function chooseFxRatesFile(): Promise<string | null> {
  const picked = await openDialog({
    defaultPath: inBookFolder(),
    multiple: false,
    directory: false,
    filters: [{ name: "ECB reference rates (CSV)", extensions: ["csv"] }],
    title: "Import FX rates",
  });
  return typeof picked === "string" ? picked : null;
}
