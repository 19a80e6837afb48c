import { useCallback } from "react";
import type { JobProgress } from "../../bindings/JobProgress";
import { useToast } from "../../components/Toast";
import { isCancelled } from "../../lib/errors";
import { useProgressJob } from "../../lib/useProgressJob";
import { chooseFxRatesFile, commissionsApi } from "./api";
import { fxMessage, recomputeMessage } from "./engineReport";

/** Recompute and FX-rate import: one at a time, with progress, cancel and a toast. */
export function useEngineJobs(onChanged: () => void) {
  const toast = useToast();
  const { job, run, cancel } = useProgressJob(commissionsApi.cancelJob);

  const track = useCallback(
    async <T,>(label: string, work: (onProgress: (p: JobProgress) => void) => Promise<T>, done: (result: T) => string) => {
      try {
        const result = await run(label, work);
        toast.success(done(result));
        onChanged();
      } catch (e) {
        if (isCancelled(e)) toast.show("info", `${label} cancelled; nothing was changed.`);
        else toast.error(e);
      }
    },
    [run, toast, onChanged],
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

  return { job, recompute, importFx, cancel };
}
