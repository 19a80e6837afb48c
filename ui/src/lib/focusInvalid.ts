import { useCallback, useEffect, useRef, useState } from "react";

/**
 * After a failed save: focus the first field marked invalid inside `root`
 * and bring it into view. Returns false when no field is marked.
 */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const field = root?.querySelector<HTMLElement>("[aria-invalid='true']");
  if (!field) return false;
  const target = field.matches("input, select, textarea") ? field : field.querySelector<HTMLElement>("input, select, textarea") ?? field;
  target.focus({ preventScroll: true });
  target.scrollIntoView?.({ block: "nearest" });
  return true;
}

/**
 * For forms: `refused()` after each refused save brings the first field
 * marked invalid inside `ref` into view (once the errors are rendered).
 */
export function useRefusalFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(ref.current);
  }, [refusals]);
  const refused = useCallback(() => setRefusals((n) => n + 1), []);
  return { ref, refused };
}
