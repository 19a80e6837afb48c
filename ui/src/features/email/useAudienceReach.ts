import type { Audience } from "../../bindings/Audience";
import type { AppError } from "../../lib/errors";
import { useDebounced } from "../../lib/useDebounced";
import { useFetched } from "../../lib/useFetched";
import { mailApi } from "./api";

/** How long typing a tag must pause before it is counted. */
export const REACH_DELAY_MS = 250;

export type AudienceReach = {
  /** The core's name for the audience ("Group Gold"), and the active partners it reaches now. */
  label: string | null;
  count: number | null;
  error: AppError | null;
  /** The audience changed since the count shown. */
  pending: boolean;
};

/** How many active partners an audience reaches, asked again as it changes. */
export function useAudienceReach(audience: Audience | null): AudienceReach {
  const key = JSON.stringify(audience);
  const asked = useDebounced(key, REACH_DELAY_MS);
  const fetched = useFetched(
    `audience:${asked}`,
    () => {
      const a = JSON.parse(asked) as Audience | null;
      return a ? mailApi.audience(a) : Promise.resolve(null);
    },
    { keepStale: false },
  );
  const current = audience !== null && asked === key;
  return {
    label: current ? fetched.data?.[0] ?? null : null,
    count: current ? fetched.data?.[1] ?? null : null,
    error: current ? fetched.error : null,
    pending: audience !== null && (!current || fetched.loading),
  };
}
