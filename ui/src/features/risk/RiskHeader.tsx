import { ScanSearch, SlidersHorizontal } from "lucide-react";
import type { RiskFlagStatus } from "../../bindings/RiskFlagStatus";
import { Button } from "../../components/Button";
import { Segmented } from "../../components/Segmented";
import { plural } from "../../lib/format";

export type StatusFilter = RiskFlagStatus | "all";

type Props = {
  total: number | null;
  held: string | null;
  status: StatusFilter;
  onStatus: (s: StatusFilter) => void;
  onScan: () => void;
  scanning: boolean;
  onSettings: () => void;
};

export function RiskHeader({ total, held, status, onStatus, onScan, scanning, onSettings }: Props) {
  const what = status === "open" ? "open flag" : status === "all" ? "flag" : `${status} flag`;
  return (
    <header className="screen-header risk-header">
      <div className="screen-title">
        <h1>Risk</h1>
        <span className="screen-count num" aria-live="polite" data-testid="risk-count">
          {total === null ? "\u00a0" : plural(total, what)}
          {held && ` · ${held} held`}
        </span>
      </div>
      <div className="screen-actions">
        <Segmented<StatusFilter>
          label="Show"
          value={status}
          onChange={onStatus}
          options={[
            { value: "open", label: "Open", testId: "risk-show-open" },
            { value: "cleared", label: "Cleared", testId: "risk-show-cleared" },
            { value: "declined", label: "Declined", testId: "risk-show-declined" },
            { value: "all", label: "All", testId: "risk-show-all" },
          ]}
        />
        <Button icon={<SlidersHorizontal size={15} />} onClick={onSettings} data-testid="risk-settings">
          Checks…
        </Button>
        <Button variant="primary" icon={<ScanSearch size={15} />} onClick={onScan} disabled={scanning} data-testid="risk-scan">
          Check the whole book
        </Button>
      </div>
    </header>
  );
}
