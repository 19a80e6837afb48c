import { useCallback, useRef, useState } from "react";
import type { ImportReport } from "../../../bindings/ImportReport";
import type { OnExisting } from "../../../bindings/OnExisting";
import type { ImportJobState as ImportJobStateOf } from "../../../components/ImportJobOutcome";
import { toAppError } from "../../../lib/errors";
import { partnersApi } from "../api";

export type JobState = ImportJobStateOf<ImportReport>;

/** Runs the check (dry run) and the real import, with progress and cancel. */
export function useImportJob() {
  const [state, setState] = useState<JobState>({ phase: "idle" });
  const runId = useRef(0);

  const run = useCallback(async (path: string, mapping: string[], onExisting: OnExisting, dryRun: boolean) => {
    const id = ++runId.current;
    setState({ phase: "running", dryRun, progress: null, cancelling: false });
    try {
      const report = await partnersApi.import(path, { mapping, on_existing: onExisting, dry_run: dryRun }, (progress) => {
        if (runId.current === id) setState((s) => (s.phase === "running" ? { ...s, progress } : s));
      });
      if (runId.current === id) setState({ phase: dryRun ? "checked" : "imported", report });
    } catch (e) {
      if (runId.current === id) setState({ phase: "failed", error: toAppError(e), dryRun });
    }
  }, []);

  const cancel = useCallback(async () => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    await partnersApi.cancelJob().catch(() => undefined);
  }, []);

  /** Forget the last result (the mapping or the choice changed). */
  const reset = useCallback(() => {
    runId.current++;
    setState({ phase: "idle" });
  }, []);

  return { state, run, cancel, reset };
}
