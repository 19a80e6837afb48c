import { invoke } from "@tauri-apps/api/core";
import type { BackupInfo } from "../../bindings/BackupInfo";
import type { LogoInfo } from "../../bindings/LogoInfo";
import type { ProgramSettings } from "../../bindings/ProgramSettings";
import type { ProgramSettingsInput } from "../../bindings/ProgramSettingsInput";
import type { Threshold } from "../../bindings/Threshold";
import { inBookFolder, openDialog } from "../../lib/dialogs";

export const settingsApi = {
  get: () => invoke<ProgramSettings>("settings_get"),
  update: (input: ProgramSettingsInput) => invoke<ProgramSettings>("settings_update", { input }),
};

/** The US 1099-NEC threshold per year of payment, oldest year first. */
export const taxThresholdsApi = {
  list: () => invoke<Threshold[]>("tax_thresholds"),
  /** `amount` as typed ("2000.00"); returns every threshold after the change. */
  set: (year: number, amount: string, currency: string) => invoke<Threshold[]>("tax_threshold_set", { year, amount, currency }),
};

/** The rotating backups beside the book. */
export const backupsApi = {
  list: () => invoke<BackupInfo[]>("backups_list"),
  create: () => invoke<BackupInfo>("backup_create"),
  /** Puts a backup's content in the book; returns the backup of the book as it was. */
  restore: (path: string) => invoke<BackupInfo>("backup_restore", { path }),
};

/** The logo printed on statements, kept in the book; null when there is none. */
export const logoApi = {
  get: () => invoke<LogoInfo | null>("logo_get"),
  /** Reads the image at `path` (PNG or JPEG, told by its content) into the book. */
  set: (path: string) => invoke<LogoInfo>("logo_set", { path }),
  clear: () => invoke<null>("logo_clear"),
};

/** The image to use as the statements' logo. */
export async function chooseLogoFile(): Promise<string | null> {
  const picked = await openDialog({
    defaultPath: inBookFolder(),
    multiple: false,
    directory: false,
    filters: [{ name: "Images (PNG, JPEG)", extensions: ["png", "jpg", "jpeg"] }],
    title: "Choose a logo for statements",
  });
  return typeof picked === "string" ? picked : null;
}
