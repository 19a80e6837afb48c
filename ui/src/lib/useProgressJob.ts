import { useCallback, useRef, useState } from "react";
import type { JobProgress } from "../bindings/JobProgress";

/** A long job as JobStatus shows it: what runs, how far it is, and whether Cancel was pressed. */
export type RunningJob = { label: string; progress: JobProgress; cancelling: boolean };

/**
 * One long backend job at a time, with progress and Cancel. `run` resolves or
 * rejects like the job (a cancelled job rejects with code "cancelled");
 * `cancel` asks the backend to stop the running job.
 */
export function useProgressJob(cancelJob: () => Promise<unknown>) {
  const [job, setJob] = useState<RunningJob | null>(null);
  const cancelRef = useRef(cancelJob);
  cancelRef.current = cancelJob;

  const run = useCallback(async <T,>(label: string, work: (onProgress: (p: JobProgress) => void) => Promise<T>): Promise<T> => {
    setJob({ label, progress: { step: "", done: 0, total: 0 }, cancelling: false });
    try {
      return await work((progress) => setJob((j) => (j ? { ...j, progress } : j)));
    } finally {
      setJob(null);
    }
  }, []);

  const cancel = useCallback(() => {
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    void cancelRef.current().catch(() => undefined);
  }, []);

  return { job, run, cancel };
}
