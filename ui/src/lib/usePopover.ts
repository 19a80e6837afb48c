import { useEffect, useRef, useState, type KeyboardEvent } from "react";

/**
 * A button's popover: open state, closed by a click outside `ref` or by
 * Escape inside it (which hands focus back to the button).
 */
export function usePopover<T extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const ref = useRef<T>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    e.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return { open, setOpen, ref, buttonRef, onKeyDown };
}
