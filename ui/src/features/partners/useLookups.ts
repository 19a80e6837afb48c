import { useCallback, useEffect, useState } from "react";
import type { Group } from "../../bindings/Group";
import type { Tag } from "../../bindings/Tag";
import { partnersApi, type CountryCount } from "./api";

export type Lookups = { groups: Group[]; tags: Tag[]; countries: CountryCount[] };

/** Groups, tags and countries for the filters and the partner form. */
export function useLookups(onError: (e: unknown) => void) {
  const [lookups, setLookups] = useState<Lookups>({ groups: [], tags: [], countries: [] });

  const reload = useCallback(() => {
    Promise.all([partnersApi.groups(), partnersApi.tags(), partnersApi.countries()])
      .then(([groups, tags, countries]) => setLookups({ groups, tags, countries }))
      .catch(onError);
  }, [onError]);

  useEffect(reload, [reload]);

  const setGroups = useCallback((groups: Group[]) => setLookups((l) => ({ ...l, groups })), []);

  return { ...lookups, reload, setGroups };
}
