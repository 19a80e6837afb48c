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
