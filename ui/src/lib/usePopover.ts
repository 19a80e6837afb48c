import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";

/**
 * A button's popover: open state, closed by a click outside `ref` or by
 * Escape inside it (which hands focus back to the button). Where the
 * panel would run off the window's side, it is turned to the other side
 * of its button: the filter bar wraps differently with each book's names.
 */
export function usePopover<T extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const [turned, setTurned] = useState<CSSProperties | undefined>(undefined);
  const ref = useRef<T>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  useLayoutEffect(() => {
    if (!open) {
      setTurned(undefined);
      return;
    }
    const box = panelRef.current?.getBoundingClientRect();
    if (!box) return;
    if (box.right > window.innerWidth) setTurned({ left: "auto", right: 0 });
    else if (box.left < 0) setTurned({ left: 0, right: "auto" });
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    e.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return { open, setOpen, ref, buttonRef, panelRef, panelStyle: turned, onKeyDown };
}
