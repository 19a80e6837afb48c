import { Channel, invoke } from "@tauri-apps/api/core";
import type { AddOptions } from "../../bindings/AddOptions";
import type { AddReport } from "../../bindings/AddReport";
import type { Asset } from "../../bindings/Asset";
import type { AssetDetail } from "../../bindings/AssetDetail";
import type { AssetEdit } from "../../bindings/AssetEdit";
import type { AssetQuery } from "../../bindings/AssetQuery";
import type { JobProgress } from "../../bindings/JobProgress";
import type { KitReport } from "../../bindings/KitReport";
import type { KitTarget } from "../../bindings/KitTarget";
import { inBookFolder, openDialog, saveDialog } from "../../lib/dialogs";

export const assetsApi = {
  list: (query: AssetQuery) => invoke<Asset[]>("assets_list", { query }),
  get: (id: number) => invoke<AssetDetail>("asset_get", { id }),
  /** Stores the files (same content is stored once); templates are checked for unknown placeholders. */
  add: (paths: string[], options: AddOptions, onProgress: (p: JobProgress) => void) =>
    invoke<AddReport>("assets_add", { paths, options, onProgress: new Channel<JobProgress>(onProgress) }),
  addVersion: (id: number, path: string) => invoke<AssetDetail>("asset_add_version", { id, path }),
  update: (id: number, edit: AssetEdit) => invoke<AssetDetail>("asset_update", { id, edit }),
  setArchived: (id: number, archived: boolean) => invoke<null>("asset_set_archived", { id, archived }),
  /** A PNG data: URL; null for text assets. */
  thumbnail: (id: number) => invoke<string | null>("asset_thumbnail", { id }),
  /** A text template filled in for one partner: untrusted text, never markup. */
  render: (id: number, partnerId: number) => invoke<string>("asset_render", { id, partnerId }),
  /** The text of a text template's current version. */
  text: (id: number) => invoke<string>("asset_text", { id }),
  /** Unsaved template text filled in for one partner: untrusted text, never markup. */
  previewText: (text: string, html: boolean, partnerId: number, landingUrl: string) =>
    invoke<string>("asset_preview_text", { text, html, partnerId, landingUrl }),
  /** Stores the text as the template's new current version. */
  saveText: (id: number, text: string) => invoke<AssetDetail>("asset_save_text", { id, text }),
  /** Writes a copy of one version (null: the current one) to `out`; the bytes written. */
  export: (id: number, version: number | null, out: string) => invoke<number>("asset_export", { id, version, out }),
  baseUrl: () => invoke<string>("links_base_url_get"),
  setBaseUrl: (url: string) => invoke<string>("links_base_url_set", { url }),
  exportKit: (target: KitTarget, out: string, onProgress: (p: JobProgress) => void) =>
    invoke<KitReport>("kit_export", { target, out, onProgress: new Channel<JobProgress>(onProgress) }),
  cancelJob: () => invoke<null>("job_cancel"),
};

/** Files to add, any kind. */
export async function chooseFilesToAdd(): Promise<string[]> {
  const picked = await openDialog({ defaultPath: inBookFolder(), multiple: true, directory: false, title: "Add files to the assets" });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** The file of a new version of an asset. */
export async function chooseNewVersion(title: string): Promise<string | null> {
  const picked = await openDialog({ defaultPath: inBookFolder(), multiple: false, directory: false, title: `New version of ${title}` });
  return typeof picked === "string" ? picked : null;
}

/** Where to save a copy of an asset's file. */
export async function chooseCopyPath(fileName: string): Promise<string | null> {
  const picked = await saveDialog({ defaultPath: inBookFolder(fileName), title: "Save a copy" });
  return picked ?? null;
}

/** Where to write a partner's or group's kit (a .zip). */
export async function chooseKitPath(name: string): Promise<string | null> {
  const picked = await saveDialog({ defaultPath: inBookFolder(`${name} kit.zip`), filters: [{ name: "Zip archive", extensions: ["zip"] }], title: "Export kit" });
  return picked ?? null;
}
