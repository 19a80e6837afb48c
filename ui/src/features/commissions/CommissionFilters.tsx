import { CalendarRange, X } from "lucide-react";
import type { CommissionState } from "../../bindings/CommissionState";
import { PartnerSearchSelect, type PartnerRef } from "../../components/PartnerSearchSelect";
import { cx } from "../../lib/cx";
import { STATE_LABELS, STATES } from "./labels";
import type { Period } from "./period";

/** `held`: only lines waiting for a plan or an FX rate (pending ones, whatever `states` says). */
export type Filters = { partner: PartnerRef | null; states: CommissionState[]; held: boolean; period: Period };

export const EMPTY_FILTERS: Filters = { partner: null, states: [], held: false, period: { mode: "month", month: "" } };

export function hasFilters(f: Filters): boolean {
  const p = f.period;
  return f.partner !== null || f.states.length > 0 || f.held || (p.mode === "month" ? p.month !== "" : p.from !== "" || p.to !== "");
}

type Props = { filters: Filters; onChange: (f: Filters) => void; periodError: string | null };

export function CommissionFilters({ filters, onChange, periodError }: Props) {
  const toggle = (s: CommissionState) =>
    onChange({ ...filters, states: filters.states.includes(s) ? filters.states.filter((x) => x !== s) : [...filters.states, s] });
  const p = filters.period;
  const setPeriod = (period: Period) => onChange({ ...filters, period });

  return (
    <div className="kfilters" role="toolbar" aria-label="Filters">
      <PartnerSearchSelect
        compact
        value={filters.partner}
        onChange={(partner) => onChange({ ...filters, partner })}
        ariaLabel="Partner"
        placeholder="All partners"
        clearLabel="Show all partners"
        spellCheck={false}
        testId="commissions-partner"
        chosenTestId="commissions-partner-chosen"
      />
      <div className="kstates" role="group" aria-label="State">
        {STATES.map((s) => {
          const on = filters.states.includes(s);
          return (
            <button
              key={s}
              type="button"
              className={cx("kstate", on && `kstate-on kstate-${s}`)}
              aria-pressed={on}
              onClick={() => toggle(s)}
              data-testid={`commissions-state-${s}`}
            >
              <span className="kstate-dot" aria-hidden />
              {STATE_LABELS[s]}
            </button>
          );
        })}
      </div>
      <div className="kstates" role="group" aria-label="Held">
        <button
          type="button"
          className={cx("kstate", filters.held && "kstate-on kstate-held")}
          aria-pressed={filters.held}
          onClick={() => onChange({ ...filters, held: !filters.held })}
          title="Lines not computed yet: they wait for a plan or an FX rate"
          data-testid="commissions-held"
        >
          <span className="kstate-dot" aria-hidden />
          Held
        </button>
      </div>
      <div className="kperiod" role="group" aria-label="Period">
        {p.mode === "month" ? (
          <input
            type="month"
            className={cx("input input-sm kperiod-month", p.month !== "" && "kfilter-on")}
            aria-label="Month"
            placeholder="YYYY-MM"
            value={p.month}
            aria-invalid={periodError ? true : undefined}
            onChange={(e) => setPeriod({ mode: "month", month: e.target.value })}
            data-testid="commissions-period"
          />
        ) : (
          <>
            <input
              type="date"
              className={cx("input input-sm kperiod-day", p.from !== "" && "kfilter-on")}
              aria-label="From"
              value={p.from}
              aria-invalid={periodError ? true : undefined}
              onChange={(e) => setPeriod({ ...p, from: e.target.value })}
              data-testid="commissions-period-from"
            />
            <span className="muted">to</span>
            <input
              type="date"
              className={cx("input input-sm kperiod-day", p.to !== "" && "kfilter-on")}
              aria-label="To"
              value={p.to}
              aria-invalid={periodError ? true : undefined}
              onChange={(e) => setPeriod({ ...p, to: e.target.value })}
              data-testid="commissions-period-to"
            />
          </>
        )}
        <button
          type="button"
          className="kfilters-link"
          onClick={() => setPeriod(p.mode === "month" ? { mode: "range", from: "", to: "" } : { mode: "month", month: "" })}
          data-testid="commissions-period-mode"
        >
          <CalendarRange size={13} aria-hidden />
          {p.mode === "month" ? "Dates" : "Month"}
        </button>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="kfilters-link" onClick={() => onChange(EMPTY_FILTERS)} data-testid="commissions-filters-clear">
          <X size={13} /> Clear
        </button>
      )}
    </div>
  );
}
