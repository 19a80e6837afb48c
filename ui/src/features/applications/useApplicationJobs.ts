import { useCallback } from "react";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { useProgressJob } from "../../lib/useProgressJob";
import { applicationsApi, chooseFormExport } from "./api";
import { intakeText, screenText } from "./labels";
import type { Outcome } from "./outcome";

/** Import a form export and screen again: one job at a time, with progress and Cancel. */
export function useApplicationJobs(onOutcome: (o: Outcome) => void, onChanged: () => void) {
  const { job, run, cancel } = useProgressJob(applicationsApi.cancelJob);

  const importFile = useCallback(async () => {
    let path: string | null;
    try {
      path = await chooseFormExport();
    } catch (e) {
      onOutcome({ kind: "error", text: describeError(toAppError(e)), testId: "applications-import-error" });
      return;
    }
    if (!path) return;
    const file = path;
    try {
      const report = await run("Importing applications", (onProgress) => applicationsApi.import(file, onProgress));
      onOutcome({ kind: "success", text: intakeText(report), emails: report.auto_approved > 0, testId: "applications-import-result" });
      onChanged();
    } catch (e) {
      onOutcome(
        isCancelled(e)
          ? { kind: "info", text: "Import cancelled; nothing was added.", testId: "applications-import-error" }
          : { kind: "error", text: `Nothing was imported. ${describeError(toAppError(e))}`, testId: "applications-import-error" },
      );
    }
  }, [run, onOutcome, onChanged]);

  /** Screens `ids` again; every pending application when empty. */
  const screen = useCallback(
    async (ids: number[]) => {
      try {
        const report = await run("Screening applications", (onProgress) => applicationsApi.screen(ids, onProgress));
        onOutcome({ kind: "success", text: screenText(report), testId: "applications-screen-result" });
        onChanged();
      } catch (e) {
        onOutcome(
          isCancelled(e)
            ? { kind: "info", text: "Screening cancelled; scores are as they were.", testId: "applications-screen-result" }
            : { kind: "error", text: describeError(toAppError(e)), testId: "applications-screen-result" },
        );
      }
    },
    [run, onOutcome, onChanged],
  );

  return { job, cancel, importFile, screen };
}
