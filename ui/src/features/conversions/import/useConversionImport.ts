import { useCallback, useRef, useState } from "react";
import type { ConversionImportOptions } from "../../../bindings/ConversionImportOptions";
import type { ConversionImportReport } from "../../../bindings/ConversionImportReport";
import type { ImportJobState as ImportJobStateOf } from "../../../components/ImportJobOutcome";
import { toAppError } from "../../../lib/errors";
import { conversionsApi } from "../api";

export type ImportJobState = ImportJobStateOf<ConversionImportReport>;

/** Runs the check (dry run) and the real import, with progress and cancel. */
export function useConversionImport() {
  const [state, setState] = useState<ImportJobState>({ phase: "idle" });
  const runId = useRef(0);

  const run = useCallback(async (path: string, options: ConversionImportOptions) => {
    const id = ++runId.current;
    const dryRun = options.dry_run;
    setState({ phase: "running", dryRun, progress: null, cancelling: false });
    try {
      const report = await conversionsApi.import(path, options, (progress) => {
        if (runId.current === id) setState((s) => (s.phase === "running" ? { ...s, progress } : s));
      });
      if (runId.current === id) setState({ phase: dryRun ? "checked" : "imported", report });
    } catch (e) {
      if (runId.current === id) setState({ phase: "failed", error: toAppError(e), dryRun });
    }
  }, []);

  const cancel = useCallback(async () => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    await conversionsApi.cancelJob().catch(() => undefined);
  }, []);

  /** Forget the last result: the file or the options changed. */
  const reset = useCallback(() => {
    runId.current++;
    setState({ phase: "idle" });
  }, []);

  return { state, run, cancel, reset };
}
