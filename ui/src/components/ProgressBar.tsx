import "./ProgressBar.css";

/** A determinate bar when total > 0, an indeterminate one otherwise. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
    >
      <div className={pct === null ? "progress-fill progress-indeterminate" : "progress-fill"} style={{ width: pct === null ? undefined : `${pct}%` }} />
    </div>
  );
}
