import { invoke } from "@tauri-apps/api/core";
import type { ProgramSettings } from "../../bindings/ProgramSettings";
import type { ProgramSettingsInput } from "../../bindings/ProgramSettingsInput";

export const settingsApi = {
  get: () => invoke<ProgramSettings>("settings_get"),
  update: (input: ProgramSettingsInput) => invoke<ProgramSettings>("settings_update", { input }),
};
