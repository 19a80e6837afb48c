import { useCallback, useRef, useState } from "react";
import type { WhatIfReport } from "../../bindings/WhatIfReport";
import type { WhatIfRequest } from "../../bindings/WhatIfRequest";
import { toAppError, type AppError } from "../../lib/errors";
import { whatifApi, type JobProgress } from "./api";

export type WhatIfState =
  | { phase: "idle" }
  | { phase: "running"; progress: JobProgress | null; cancelling: boolean }
  | { phase: "done"; report: WhatIfReport }
  | { phase: "failed"; error: AppError };

/** Runs one what-if at a time, with progress and cancel. */
export function useWhatIfJob() {
  const [state, setState] = useState<WhatIfState>({ phase: "idle" });
  const runId = useRef(0);

  const run = useCallback(async (request: WhatIfRequest) => {
    const id = ++runId.current;
    setState({ phase: "running", progress: null, cancelling: false });
    try {
      const report = await whatifApi.run(request, (progress) => {
        if (runId.current === id) setState((s) => (s.phase === "running" ? { ...s, progress } : s));
      });
      if (runId.current === id) setState({ phase: "done", report });
    } catch (e) {
      if (runId.current === id) setState({ phase: "failed", error: toAppError(e) });
    }
  }, []);

  const cancel = useCallback(async () => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    await whatifApi.cancelJob().catch(() => undefined);
  }, []);

  return { state, run, cancel };
}
