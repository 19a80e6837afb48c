import { useCallback, useState } from "react";
import type { OnboardingChange } from "../../bindings/OnboardingChange";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import { toAppError, type AppError } from "../../lib/errors";
import { onboardingApi } from "./api";

/** Records one change for one partner; the refusal stays with the form that asked. */
export function useRecord(partnerId: number, onSaved: (row: OnboardingRow, what: string) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const record = useCallback(
    async (change: Partial<OnboardingChange>, what: string) => {
      setSaving(true);
      setError(null);
      try {
        onSaved(await onboardingApi.set(partnerId, change), what);
      } catch (e) {
        setError(toAppError(e));
      } finally {
        setSaving(false);
      }
    },
    [partnerId, onSaved],
  );

  return { saving, error, setError, record };
}
