import { Lock } from "lucide-react";
import type { PlanVersion } from "../../../bindings/PlanVersion";
import { cx } from "../../../lib/cx";
import { formatDate, plural } from "../../../lib/format";

type Props = {
  versions: PlanVersion[];
  inForceId: number | null;
  today: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
};

/** The plan's versions in date order: which is in force, which are used and locked. */
export function VersionTimeline({ versions, inForceId, today, selectedId, onSelect }: Props) {
  return (
    <ol className="pl-timeline" aria-label="Versions">
      {versions.map((v) => {
        const future = v.effective_from > today;
        return (
          <li key={v.id}>
            <button
              type="button"
              className={cx("pl-version", v.id === selectedId && "pl-version-selected", v.id === inForceId && "pl-version-live")}
              aria-pressed={v.id === selectedId}
              data-testid="plan-version"
              data-id={v.id}
              onClick={() => onSelect(v.id)}
            >
              <span className="pl-version-dot" aria-hidden />
              <span className="pl-version-text">
                <span className="pl-version-name">
                  v{v.version} <span className="muted">from {formatDate(v.effective_from)}</span>
                </span>
                <span className="pl-version-sub muted">{plural(v.rules.length, "rule")}</span>
              </span>
              <span className="pl-version-badges">
                {v.id === inForceId && <span className="pl-badge pl-badge-live">In force</span>}
                {future && <span className="pl-badge pl-badge-future">Scheduled</span>}
                {v.used && (
                  <span className="pl-badge pl-badge-lock" title="It produced commissions: it can only be followed by a later version.">
                    <Lock size={11} aria-hidden /> Used — read-only
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
