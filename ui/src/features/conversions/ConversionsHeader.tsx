import { Upload } from "lucide-react";
import type { ConversionKind } from "../../bindings/ConversionKind";
import { Button } from "../../components/Button";
import { Segmented } from "../../components/Segmented";
import { cx } from "../../lib/cx";
import { formatCount, plural } from "../../lib/format";
import { KIND_LABELS, KINDS } from "./labels";
import type { View } from "./views";

type Props = {
  total: number | null;
  unattributed: number | null;
  held: number | null;
  view: View;
  onView: (v: View) => void;
  kind: ConversionKind | "";
  onKind: (k: ConversionKind | "") => void;
  onImport: () => void;
};

export function ConversionsHeader({ total, unattributed, held, view, onView, kind, onKind, onImport }: Props) {
  return (
    <header className="conv-header">
      <div className="conv-title">
        <h1>Conversions</h1>
        <span className="conv-count num" data-testid="conversions-count" aria-live="polite">
          {total === null ? "\u00a0" : view === "all" ? plural(total, "conversion") : `${formatCount(total)} ${view}`}
        </span>
      </div>
      <div className="conv-tools">
        <Segmented
          label="Show"
          value={view}
          onChange={onView}
          options={[
            { value: "all", label: "All", testId: "conversions-filter-all" },
            {
              value: "unattributed",
              label: <Counted label="Unattributed" count={unattributed} testId="conversions-unattributed-count" />,
              title: "Conversions nobody could be credited with",
              testId: "conversions-filter-unattributed",
            },
            {
              value: "held",
              label: <Counted label="Held" count={held} testId="conversions-held-count" />,
              title: "Sales whose commission waits for a plan or an FX rate",
              testId: "conversions-filter-held",
            },
          ]}
        />
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

/** A view's name with how many it holds, when there are any to look into. */
function Counted({ label, count, testId }: { label: string; count: number | null; testId: string }) {
  return (
    <>
      {label}
      {count !== null && count > 0 && (
        <span className="segmented-badge num" data-testid={testId}>
          {formatCount(count)}
        </span>
      )}
    </>
  );
}
