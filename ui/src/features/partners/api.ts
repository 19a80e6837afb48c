import { Channel, invoke } from "@tauri-apps/api/core";
import type { Activity } from "../../bindings/Activity";
import type { CommissionPage } from "../../bindings/CommissionPage";
import type { CountryCount } from "../../bindings/CountryCount";
import type { Group } from "../../bindings/Group";
import type { ImportOptions } from "../../bindings/ImportOptions";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportReport } from "../../bindings/ImportReport";
import type { JobProgress } from "../../bindings/JobProgress";
import type { Partner } from "../../bindings/Partner";
import type { PartnerInput } from "../../bindings/PartnerInput";
import type { PartnerMoney } from "../../bindings/PartnerMoney";
import type { PartnerPage } from "../../bindings/PartnerPage";
import type { PartnerQuery } from "../../bindings/PartnerQuery";
import type { PartnerStatus } from "../../bindings/PartnerStatus";
import type { Plan } from "../../bindings/Plan";
import type { Tag } from "../../bindings/Tag";
import type { Tins } from "../../bindings/Tins";
import { inBookFolder, openDialog, saveDialog } from "../../lib/dialogs";

export type { CountryCount, JobProgress };

const CSV_FILTERS = [{ name: "CSV", extensions: ["csv"] }];

export const partnersApi = {
  search: (query: PartnerQuery) => invoke<PartnerPage>("partners_search", { query }),
  /** The money columns of the rows on screen (any order, one answer per id). */
  money: (ids: number[]) => invoke<PartnerMoney[]>("partner_money", { ids }),
  countries: () => invoke<CountryCount[]>("partners_countries"),
  get: (id: number) => invoke<Partner>("partner_get", { id }),
  create: (input: PartnerInput) => invoke<Partner>("partner_create", { input }),
  update: (id: number, input: PartnerInput) => invoke<Partner>("partner_update", { id, input }),
  setStatus: (id: number, status: PartnerStatus, reason: string) =>
    invoke<Partner>("partner_set_status", { id, status, reason }),
  timeline: (id: number) => invoke<Activity[]>("partner_timeline", { id }),
  addNote: (id: number, text: string) => invoke<Activity>("partner_add_note", { id, text }),
  groups: () => invoke<Group[]>("groups_list"),
  createGroup: (name: string, description: string) => invoke<Group[]>("group_create", { name, description }),
  tags: () => invoke<Tag[]>("tags_list"),
  importPreview: (path: string) => invoke<ImportPreview>("partners_import_preview", { path }),
  import: (path: string, options: ImportOptions, onProgress: (p: JobProgress) => void) =>
    invoke<ImportReport>("partners_import", { path, options, onProgress: new Channel<JobProgress>(onProgress) }),
  /** `tins`: "whole" only when the manager asks; the file is theirs to keep safe. */
  export: (path: string, query: PartnerQuery | null, tins: Tins, onProgress: (p: JobProgress) => void) =>
    invoke<number>("partners_export", { path, query, tins, onProgress: new Channel<JobProgress>(onProgress) }),
  cancelJob: () => invoke<null>("job_cancel"),
};

export async function chooseCsvToImport(): Promise<string | null> {
  const picked = await openDialog({ defaultPath: inBookFolder(), multiple: false, directory: false, filters: CSV_FILTERS, title: "Import partners" });
  return typeof picked === "string" ? picked : null;
}

export async function chooseCsvToExport(defaultName: string): Promise<string | null> {
  return (await saveDialog({ defaultPath: inBookFolder(defaultName), filters: CSV_FILTERS, title: "Export partners" })) ?? null;
}

/** What a partner earns: the plan that pays them, their latest commission lines, whether their payouts are held. */
export const earningsApi = {
  plans: () => invoke<Plan[]>("plans_list"),
  /** A plan of their own by name, or null to follow their group's plan again. */
  setPlan: (id: number, plan: string | null) => invoke<Partner>("partner_set_plan", { id, plan }),
  /** Holds the partner's payouts, saying why, or lifts the hold (null); the draft run follows at once. */
  setPayoutHold: (partnerId: number, reason: string | null) => invoke<null>("partner_set_payout_hold", { partnerId, reason }),
  recentCommissions: (partnerId: number, limit: number) =>
    invoke<CommissionPage>("commissions_list", {
      query: { partner_id: partnerId, states: [], from: null, to: null, offset: 0, limit },
    }),
};
