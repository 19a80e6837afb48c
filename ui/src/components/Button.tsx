import type { ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "../lib/cx";
import { Spinner } from "./Spinner";
import "./Button.css";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "ghost" | "danger" | "link";
  size?: "sm" | "md";
  icon?: ReactNode;
  busy?: boolean;
};

export function Button({ variant = "secondary", size = "md", icon, busy, className, children, disabled, type, ...rest }: Props) {
  return (
    <button
      type={type ?? "button"}
      className={cx("btn", `btn-${variant}`, size === "sm" && "btn-sm", !children && "btn-icon", className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <Spinner size={14} /> : icon}
      {children}
    </button>
  );
}
