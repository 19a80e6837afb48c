import { useCallback, useState } from "react";
import type { JobProgress } from "../../bindings/JobProgress";
import { useToast } from "../../components/Toast";
import { isCancelled } from "../../lib/errors";
import { useProgressJob } from "../../lib/useProgressJob";
import { chooseFxRatesFile, commissionsApi } from "./api";
import { fxMessage, fxPreviewMessage, recomputeMessage } from "./engineReport";

/** A rates file read and not yet stored, with what importing it would do. */
export type FxPreview = { path: string; text: string };

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

  // A rates file is read in full first (nothing written) and its preview
  // shown; only "Import rates" there stores it.
  const [fxPreview, setFxPreview] = useState<FxPreview | null>(null);

  const importFx = useCallback(async () => {
    const path = await chooseFxRatesFile().catch((e) => (toast.error(e), null));
    if (!path) return;
    try {
      const [fx, engine] = await run("Checking the rates file", (onProgress) => commissionsApi.fxImport(path, true, onProgress));
      setFxPreview({ path, text: fxPreviewMessage(fx, engine) });
    } catch (e) {
      if (isCancelled(e)) toast.show("info", "Checking the rates file cancelled; nothing was changed.");
      else toast.error(e);
    }
  }, [run, toast]);

  const confirmFx = useCallback(async () => {
    if (!fxPreview) return;
    const { path } = fxPreview;
    setFxPreview(null);
    await track(
      "Importing FX rates",
      (onProgress) => commissionsApi.fxImport(path, false, onProgress),
      ([fx, engine]) => fxMessage(fx, engine),
    );
  }, [fxPreview, track]);

  const dismissFx = useCallback(() => setFxPreview(null), []);

  return { job, recompute, importFx, fxPreview, confirmFx, dismissFx, cancel };
}
