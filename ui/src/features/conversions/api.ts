import { Channel, invoke } from "@tauri-apps/api/core";
import type { ConversionImportOptions } from "../../bindings/ConversionImportOptions";
import type { Conversion } from "../../bindings/Conversion";
import type { Page } from "../../bindings/Page";
import type { ConversionQuery } from "../../bindings/ConversionQuery";
import type { ImportInspection } from "../../bindings/ImportInspection";
import type { ScreenedImport } from "../../bindings/ScreenedImport";
import type { JobProgress } from "../../bindings/JobProgress";
import { inBookFolder, openDialog } from "../../lib/dialogs";

export type { JobProgress };

export const conversionsApi = {
  list: (query: ConversionQuery) => invoke<Page<Conversion>>("conversions_list", { query }),
  inspect: (path: string) => invoke<ImportInspection>("conversions_inspect", { path }),
  import: (path: string, options: ConversionImportOptions, onProgress: (p: JobProgress) => void) =>
    invoke<ScreenedImport>("conversions_import", { path, options, onProgress: new Channel<JobProgress>(onProgress) }),
  cancelJob: () => invoke<null>("job_cancel"),
};

export async function chooseConversionsCsv(): Promise<string | null> {
  const picked = await openDialog({
    defaultPath: inBookFolder(),
    multiple: false,
    directory: false,
    filters: [{ name: "CSV", extensions: ["csv"] }],
    title: "Import conversions",
  });
  return typeof picked === "string" ? picked : null;
}
