import { Channel, invoke } from "@tauri-apps/api/core";
import type { JobProgress } from "../../bindings/JobProgress";
import type { Plan } from "../../bindings/Plan";
import type { WhatIfReport } from "../../bindings/WhatIfReport";
import type { WhatIfRequest } from "../../bindings/WhatIfRequest";

export type { JobProgress };

export const whatifApi = {
  plans: () => invoke<Plan[]>("plans_list"),
  /** Recomputes a month under other rules; writes nothing. */
  run: (request: WhatIfRequest, onProgress: (p: JobProgress) => void) =>
    invoke<WhatIfReport>("whatif_run", { request, onProgress: new Channel<JobProgress>(onProgress) }),
  cancelJob: () => invoke<null>("job_cancel"),
};
