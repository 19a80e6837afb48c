import { useEffect, useState } from "react";

/**
 * True once `active` has stayed true for `delayMs`: spinners that only
 * appear for slow work, so fast loads don't flash.
 */
export function useDelayed(active: boolean, delayMs = 250): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const t = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(t);
  }, [active, delayMs]);
  return shown;
}
