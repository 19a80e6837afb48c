import { useEffect, useState } from "react";
import { plansApi } from "./api";
import type { PartnerNames } from "./editorForm";

/** Names of the partners rules are limited to (rules keep their ids), looked up once each. */
export function usePartnerNames(ids: string[]): PartnerNames {
  const [names, setNames] = useState<PartnerNames>({});
  const key = [...new Set(ids)].sort().join(",");

  useEffect(() => {
    const missing = key.split(",").filter((id) => /^\d+$/.test(id) && !(id in names));
    if (missing.length === 0) return;
    let live = true;
    Promise.all(
      missing.map((id) =>
        plansApi
          .partner(Number(id))
          .then((p) => [id, p.name] as const)
          .catch(() => [id, ""] as const),
      ),
    ).then((found) => {
      if (live) setNames((n) => ({ ...n, ...Object.fromEntries(found) }));
    });
    return () => {
      live = false;
    };
    // `names` only grows; looking again when it changes would find nothing new.
  }, [key]);

  return names;
}
