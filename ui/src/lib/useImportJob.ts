import { useRef, useState } from "react";
import type { JobProgress } from "../bindings/JobProgress";
import { describeError, toAppError, type AppError } from "./errors";

/** Where a check-then-import job stands; `R` is its report. */
export type ImportJobState<R> =
  | { phase: "idle" }
  | { phase: "running"; dryRun: boolean; progress: JobProgress | null; cancelling: boolean }
  | { phase: "checked"; report: R }
  | { phase: "imported"; report: R }
  | { phase: "failed"; error: AppError; dryRun: boolean };

/** The commands behind one import dialog; `P` is what reading the file gives. */
export type ImportBackend<P, O extends { dry_run: boolean }, R> = {
  /** Asks for the file: its path, or null when the person backs out. */
  choose: () => Promise<string | null>;
  /** Reads the chosen file's columns and first rows. */
  load: (path: string) => Promise<P>;
  /** Checks (`dry_run`) or imports the file, sending progress. */
  start: (path: string, options: O, onProgress: (p: JobProgress) => void) => Promise<R>;
  /** Asks the running job to stop; it then rejects with code "cancelled". */
  cancelJob: () => Promise<unknown>;
  /** Sets the dialog's options from a newly read file, in the same render. */
  onLoaded: (preview: P) => void;
};

/**
 * An import dialog's file and job: choose a file and read it, then check
 * (dry run) or import it with progress and Cancel.
 */
export function useImportJob<P, O extends { dry_run: boolean }, R>(backend: ImportBackend<P, O, R>) {
  const [file, setFile] = useState<{ path: string; preview: P } | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [state, setState] = useState<ImportJobState<R>>({ phase: "idle" });
  // Bumped by each run and reset: a forgotten run's late answers are dropped.
  const runId = useRef(0);

  /** Forget the last result: the file or the options changed. */
  const reset = () => {
    runId.current++;
    setState({ phase: "idle" });
  };

  const choose = async () => {
    setLoadError(null);
    const picked = await backend.choose().catch((e) => (setLoadError(describeError(toAppError(e))), null));
    if (!picked) return;
    setLoading(true);
    reset();
    try {
      const preview = await backend.load(picked);
      setFile({ path: picked, preview });
      backend.onLoaded(preview);
    } catch (e) {
      setLoadError(describeError(toAppError(e)));
    } finally {
      setLoading(false);
    }
  };

  const run = async (options: O) => {
    if (!file) return;
    const id = ++runId.current;
    const dryRun = options.dry_run;
    setState({ phase: "running", dryRun, progress: null, cancelling: false });
    try {
      const report = await backend.start(file.path, options, (progress) => {
        if (runId.current === id) setState((s) => (s.phase === "running" ? { ...s, progress } : s));
      });
      if (runId.current === id) setState({ phase: dryRun ? "checked" : "imported", report });
    } catch (e) {
      if (runId.current === id) setState({ phase: "failed", error: toAppError(e), dryRun });
    }
  };

  const cancel = () => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    void backend.cancelJob().catch(() => undefined);
  };

  return {
    path: file?.path ?? null,
    preview: file?.preview ?? null,
    loading,
    loadError,
    dismissLoadError: () => setLoadError(null),
    choose,
    state,
    run,
    cancel,
    reset,
  };
}
