import { invoke } from "@tauri-apps/api/core";
import type { Group } from "../../bindings/Group";
import type { Partner } from "../../bindings/Partner";
import type { Plan } from "../../bindings/Plan";
import type { PlanFile } from "../../bindings/PlanFile";
import { inBookFolder, openDialog, saveDialog } from "../../lib/dialogs";

const JSON_FILTERS = [{ name: "Plan (JSON)", extensions: ["json"] }];

export const plansApi = {
  list: () => invoke<Plan[]>("plans_list"),
  save: (file: PlanFile) => invoke<Plan>("plan_save", { file }),
  importFile: (path: string) => invoke<Plan>("plan_import_file", { path }),
  /** `plan` is the plan's name or id as text. */
  exportFile: (plan: string, path: string) => invoke<null>("plan_export_file", { plan, path }),
  /** Makes `plan` (name or id as text; null: none) the default; answers every plan, counts moved. */
  setDefault: (plan: string | null) => invoke<Plan[]>("plan_set_default", { plan }),
  groups: () => invoke<Group[]>("groups_list"),
  partner: (id: number) => invoke<Partner>("partner_get", { id }),
};

export async function choosePlanToImport(): Promise<string | null> {
  const picked = await openDialog({ defaultPath: inBookFolder(), multiple: false, directory: false, filters: JSON_FILTERS, title: "Import a plan" });
  return typeof picked === "string" ? picked : null;
}

export async function choosePlanExportPath(defaultName: string): Promise<string | null> {
  return (await saveDialog({ defaultPath: inBookFolder(defaultName), filters: JSON_FILTERS, title: "Export the plan" })) ?? null;
}

/** "Gold partners" → "gold-partners.json". */
export function exportFileName(planName: string): string {
  const slug = planName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "plan"}.json`;
}
