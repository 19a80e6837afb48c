import { X } from "lucide-react";
import { Segmented } from "../../components/Segmented";
import { cx } from "../../lib/cx";
import { formatCount } from "../../lib/format";
import { CHECKS, SORTS, type Sort } from "./labels";
import { DEFAULT_FILTERS, hasFilters, parseScore, type Filters, type StatusFilter } from "./query";
import type { StatusCounts } from "./useStatusCounts";

type Props = { filters: Filters; counts: StatusCounts | null; onChange: (f: Filters) => void };

export function ApplicationFilters({ filters, counts, onChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const minBad = parseScore(filters.minScore) === undefined;
  const maxBad = parseScore(filters.maxScore) === undefined;
  const count = (n: number | undefined, pending = false) =>
    n === undefined ? null : <span className={pending ? "segmented-badge num" : "ap-seg-count num"}>{formatCount(n)}</span>;

  return (
    <div className="ap-filters" role="toolbar" aria-label="Filters">
      <Segmented<StatusFilter>
        label="Status"
        value={filters.status}
        onChange={(status) => set({ status })}
        options={[
          { value: "pending", label: <>Pending {count(counts?.pending, true)}</>, testId: "applications-status-pending" },
          { value: "approved", label: <>Approved {count(counts?.approved)}</>, testId: "applications-status-approved" },
          { value: "rejected", label: <>Rejected {count(counts?.rejected)}</>, testId: "applications-status-rejected" },
          { value: "all", label: "All", testId: "applications-status-all" },
        ]}
      />
      <div className="ap-score-range" role="group" aria-label="Score">
        <span className="muted">Score</span>
        <input
          className={cx("input input-sm num ap-score-input", filters.minScore !== "" && !minBad && "ap-filter-on")}
          inputMode="numeric"
          placeholder="0"
          aria-label="Lowest score"
          aria-invalid={minBad || undefined}
          title={minBad ? "A score from 0 to 100" : undefined}
          value={filters.minScore}
          onChange={(e) => set({ minScore: e.target.value })}
          data-testid="applications-min-score"
        />
        <span className="muted">–</span>
        <input
          className={cx("input input-sm num ap-score-input", filters.maxScore !== "" && !maxBad && "ap-filter-on")}
          inputMode="numeric"
          placeholder="100"
          aria-label="Highest score"
          aria-invalid={maxBad || undefined}
          title={maxBad ? "A score from 0 to 100" : undefined}
          value={filters.maxScore}
          onChange={(e) => set({ maxScore: e.target.value })}
          data-testid="applications-max-score"
        />
      </div>
      <select
        className={cx("input input-sm ap-flagged", filters.flaggedBy !== "" && "ap-filter-on")}
        aria-label="Flagged by"
        value={filters.flaggedBy}
        onChange={(e) => set({ flaggedBy: e.target.value })}
        data-testid="applications-flagged-by"
      >
        <option value="">Any check result</option>
        {CHECKS.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <select
        className="input input-sm ap-sort"
        aria-label="Sort"
        value={filters.sort}
        onChange={(e) => set({ sort: e.target.value as Sort })}
        data-testid="applications-sort"
      >
        {SORTS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {hasFilters(filters) && (
        <button
          type="button"
          className="ap-filters-link"
          onClick={() => onChange({ ...DEFAULT_FILTERS, status: filters.status, sort: filters.sort })}
          data-testid="applications-filters-clear"
        >
          <X size={13} /> Clear
        </button>
      )}
    </div>
  );
}
