import { useEffect, useState } from "react";
import { useDebounced } from "../../lib/useDebounced";

/** Typed text as a filter: null when empty, undefined when it cannot be read. */
export type Parse = (text: string) => number | null | undefined;

/**
 * A number filter typed as text, applied once typing pauses (as the search
 * is). `value` is the filter applied; text that cannot be read is never
 * applied, so the list is not asked again for it, and shows as invalid.
 */
export function useTypedFilter(value: number | null, show: (v: number) => string, parse: Parse, apply: (v: number | null) => void, ms = 300) {
  const [text, setText] = useState(value === null ? "" : show(value));
  const settled = useDebounced(text, ms);
  const parsed = parse(text);

  // Set from outside (Clear, a chip removed, opened from Home): the box follows.
  useEffect(() => {
    if (parse(text) !== value) setText(value === null ? "" : show(value));
    // Only a new applied value matters, not each keystroke.
  }, [value]);

  useEffect(() => {
    const v = parse(settled);
    if (v !== undefined && v !== value) apply(v);
    // Once per pause in the typing; `apply` and `value` are this render's.
  }, [settled]);

  /** Enter: no need to wait for the pause. */
  const applyNow = () => {
    if (parsed !== undefined && parsed !== value) apply(parsed);
  };

  return { text, setText, invalid: parsed === undefined, applyNow };
}
