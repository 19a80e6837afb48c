import { Channel, invoke } from "@tauri-apps/api/core";
import type { ApplicationDetail } from "../../bindings/ApplicationDetail";
import type { ApplicationInput } from "../../bindings/ApplicationInput";
import type { ApplicationPage } from "../../bindings/ApplicationPage";
import type { ApplicationQuery } from "../../bindings/ApplicationQuery";
import type { DecisionReport } from "../../bindings/DecisionReport";
import type { Group } from "../../bindings/Group";
import type { IntakeReport } from "../../bindings/IntakeReport";
import type { JobProgress } from "../../bindings/JobProgress";
import type { ScreeningSettings } from "../../bindings/ScreeningSettings";
import type { ScreenReport } from "../../bindings/ScreenReport";
import { inBookFolder, openDialog } from "../../lib/dialogs";

export type { JobProgress };

export type { ApplicationDetail };

const FORM_FILTERS = [
  { name: "Form export (CSV or JSON)", extensions: ["csv", "json"] },
  { name: "CSV", extensions: ["csv"] },
  { name: "JSON", extensions: ["json"] },
];

export const applicationsApi = {
  list: (query: ApplicationQuery) => invoke<ApplicationPage>("applications_list", { query }),
  get: (id: number) => invoke<ApplicationDetail>("application_get", { id }),
  import: (path: string, onProgress: (p: JobProgress) => void) =>
    invoke<IntakeReport>("applications_import", { path, onProgress: new Channel<JobProgress>(onProgress) }),
  add: (input: ApplicationInput) => invoke<IntakeReport>("application_add", { input }),
  approve: (ids: number[], groupId: number | null, reason: string) =>
    invoke<DecisionReport>("applications_approve", { ids, groupId, reason }),
  reject: (ids: number[], reason: string) => invoke<DecisionReport>("applications_reject", { ids, reason }),
  /** Screens `ids` again; every pending application when empty. */
  screen: (ids: number[], onProgress: (p: JobProgress) => void) =>
    invoke<ScreenReport>("applications_screen", { ids, onProgress: new Channel<JobProgress>(onProgress) }),
  rejectionReasons: () => invoke<string[]>("rejection_reasons"),
  settings: () => invoke<ScreeningSettings>("screening_settings_get"),
  saveSettings: (settings: ScreeningSettings) => invoke<ScreeningSettings>("screening_settings_set", { settings }),
  groups: () => invoke<Group[]>("groups_list"),
  cancelJob: () => invoke<null>("job_cancel"),
};

export async function chooseFormExport(): Promise<string | null> {
  const picked = await openDialog({ defaultPath: inBookFolder(), multiple: false, directory: false, filters: FORM_FILTERS, title: "Import a signup form export" });
  return typeof picked === "string" ? picked : null;
}
