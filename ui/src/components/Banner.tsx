import { AlertCircle, AlertTriangle, CheckCircle2, Info, X } from "lucide-react";
import type { ReactNode } from "react";
import "./Banner.css";

type Props = {
  kind?: "error" | "warning" | "success" | "info";
  children: ReactNode;
  onDismiss?: () => void;
  testId?: string;
};

const ICONS = { error: AlertCircle, warning: AlertTriangle, success: CheckCircle2, info: Info };

/** An inline message at the top of a form or panel. */
export function Banner({ kind = "error", children, onDismiss, testId }: Props) {
  const Icon = ICONS[kind];
  return (
    <div className={`banner banner-${kind}`} role={kind === "error" || kind === "warning" ? "alert" : "status"} data-testid={testId}>
      <Icon size={16} aria-hidden />
      <div className="banner-body">{children}</div>
      {onDismiss && (
        <button type="button" className="banner-close" onClick={onDismiss} aria-label="Dismiss">
          <X size={14} />
        </button>
      )}
    </div>
  );
}
