import { useCallback, useState } from "react";
import type { JobProgress } from "../../bindings/JobProgress";
import { useToast } from "../../components/Toast";
import { isCancelled } from "../../lib/errors";
import { chooseFxRatesFile, commissionsApi } from "./api";
import { fxMessage, recomputeMessage } from "./engineReport";

export type RunningJob = { label: string; progress: JobProgress; cancelling: boolean };

/** Recompute and FX-rate import: one at a time, with progress, cancel and a toast. */
export function useEngineJobs(onChanged: () => void) {
  const toast = useToast();
  const [job, setJob] = useState<RunningJob | null>(null);

  const track = useCallback(
    async <T,>(label: string, work: (onProgress: (p: JobProgress) => void) => Promise<T>, done: (result: T) => string) => {
      setJob({ label, progress: { step: "", done: 0, total: 0 }, cancelling: false });
      try {
        const result = await work((progress) => setJob((j) => (j ? { ...j, progress } : j)));
        toast.success(done(result));
        onChanged();
      } catch (e) {
        if (isCancelled(e)) toast.show("info", `${label} cancelled; nothing was changed.`);
        else toast.error(e);
      } finally {
        setJob(null);
      }
    },
    [toast, onChanged],
  );

  const recompute = useCallback(() => track("Recomputing commissions", commissionsApi.compute, recomputeMessage), [track]);

  const importFx = useCallback(async () => {
    const path = await chooseFxRatesFile().catch((e) => (toast.error(e), null));
    if (!path) return;
    await track(
      "Importing FX rates",
      (onProgress) => commissionsApi.fxImport(path, onProgress),
      ([fx, engine]) => fxMessage(fx, engine),
    );
  }, [track, toast]);

  const cancel = useCallback(() => {
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    void commissionsApi.cancelJob().catch(() => undefined);
  }, []);

  return { job, recompute, importFx, cancel };
}
