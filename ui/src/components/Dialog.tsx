import { X } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import "./Dialog.css";

type Props = {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
  children: ReactNode;
};

/** A modal over the app: Esc or the close button closes it; focus stays inside. */
export function Dialog({ title, description, onClose, footer, wide, testId, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Where focus was before the dialog opened (read before a field inside autofocuses), to return it there.
  const [previous] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    // A field marked autoFocus keeps the focus; otherwise the dialog takes it.
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        closeRef.current();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      previous?.focus?.();
    };
  }, [previous]);

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={wide ? "dialog dialog-wide" : "dialog"}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="dialog-header">
          <div>
            <h2>{title}</h2>
            {description && <p className="dialog-description">{description}</p>}
          </div>
          <button type="button" className="dialog-close" onClick={onClose} aria-label="Close">
            <X size={16} />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  );
}
