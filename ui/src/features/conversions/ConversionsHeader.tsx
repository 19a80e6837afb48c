import { Upload } from "lucide-react";
import type { ConversionKind } from "../../bindings/ConversionKind";
import { Button } from "../../components/Button";
import { cx } from "../../lib/cx";
import { formatCount, plural } from "../../lib/format";
import { KIND_LABELS, KINDS } from "./labels";
import "../../components/Segmented.css";

export type View = "all" | "unattributed";

type Props = {
  total: number | null;
  unattributed: number | null;
  view: View;
  onView: (v: View) => void;
  kind: ConversionKind | "";
  onKind: (k: ConversionKind | "") => void;
  onImport: () => void;
};

export function ConversionsHeader({ total, unattributed, view, onView, kind, onKind, onImport }: Props) {
  return (
    <header className="conv-header">
      <div className="conv-title">
        <h1>Conversions</h1>
        <span className="conv-count num" data-testid="conversions-count" aria-live="polite">
          {total === null ? "\u00a0" : view === "unattributed" ? `${formatCount(total)} unattributed` : plural(total, "conversion")}
        </span>
      </div>
      <div className="conv-tools">
        <div className="segmented" role="group" aria-label="Show">
          <button
            type="button"
            className={cx("segmented-item", view === "all" && "segmented-on")}
            aria-pressed={view === "all"}
            onClick={() => onView("all")}
            data-testid="conversions-filter-all"
          >
            All
          </button>
          <button
            type="button"
            className={cx("segmented-item", view === "unattributed" && "segmented-on")}
            aria-pressed={view === "unattributed"}
            onClick={() => onView("unattributed")}
            data-testid="conversions-filter-unattributed"
            title="Conversions nobody could be credited with"
          >
            Unattributed
            {unattributed !== null && unattributed > 0 && (
              <span className="segmented-badge num" data-testid="conversions-unattributed-count">
                {formatCount(unattributed)}
              </span>
            )}
          </button>
        </div>
        <select
          className={cx("input input-sm conv-kind", kind !== "" && "conv-filter-on")}
          aria-label="Kind"
          value={kind}
          onChange={(e) => onKind(e.target.value as ConversionKind | "")}
          data-testid="conversions-filter-kind"
        >
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <Button variant="primary" icon={<Upload size={15} />} onClick={onImport} data-testid="conversions-import">
          Import conversions…
        </Button>
      </div>
    </header>
  );
}
