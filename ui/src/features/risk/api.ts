import { Channel, invoke } from "@tauri-apps/api/core";
import type { JobProgress } from "../../bindings/JobProgress";
import type { RiskAction } from "../../bindings/RiskAction";
import type { RiskCheck } from "../../bindings/RiskCheck";
import type { RiskCheckSetting } from "../../bindings/RiskCheckSetting";
import type { RiskDeclineReport } from "../../bindings/RiskDeclineReport";
import type { RiskFlagPage } from "../../bindings/RiskFlagPage";
import type { RiskFlagQuery } from "../../bindings/RiskFlagQuery";
import type { RiskScanReport } from "../../bindings/RiskScanReport";

export const riskApi = {
  flags: (query: RiskFlagQuery) => invoke<RiskFlagPage>("risk_flags", { query }),
  scan: (onProgress: (p: JobProgress) => void) =>
    invoke<RiskScanReport>("risk_scan", { onProgress: new Channel<JobProgress>(onProgress) }),
  clear: (ids: number[], reason: string) => invoke<number>("risk_clear", { ids, reason }),
  decline: (ids: number[], reason: string) => invoke<RiskDeclineReport>("risk_decline", { ids, reason }),
  settings: () => invoke<RiskCheckSetting[]>("risk_settings"),
  setAction: (check: RiskCheck, action: RiskAction) => invoke<RiskCheckSetting[]>("risk_settings_set", { check, action }),
  cancelJob: () => invoke<null>("job_cancel"),
};
