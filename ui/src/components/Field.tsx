import type { ReactNode } from "react";
import { cx } from "../lib/cx";
import "./Field.css";

type Props = {
  label: string;
  htmlFor?: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  /** data-testid of the error under the field. */
  errorTestId?: string;
  children: ReactNode;
};

/** A label, the control, then the field's error (or a hint) under it. */
export function Field({ label, htmlFor, hint, error, className, errorTestId, children }: Props) {
  return (
    <div className={cx("field", error && "field-has-error", className)}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field-error" role="alert" id={htmlFor ? `${htmlFor}-error` : undefined} data-testid={errorTestId}>
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint">{hint}</p>
      ) : null}
    </div>
  );
}
