import { TrendingUp, X } from "lucide-react";
import type { ReactNode } from "react";
import type { PartnerStatus } from "../../bindings/PartnerStatus";
import { Chip } from "../../components/Chip";
import { STATUS_LABELS, STATUSES } from "../../components/StatusPill";
import { cx } from "../../lib/cx";
import { countryName, formatCount } from "../../lib/format";
import { MoneyFilter } from "./MoneyFilter";
import { moneyChips, withoutMoneyFilter } from "./moneyFilters";
import { hasFilters, isTopEarners, toggleTopEarners, type Filters } from "./query";
import type { Lookups } from "./useLookups";

type Props = {
  filters: Filters;
  lookups: Lookups;
  /** The program's currency: the money filters' amounts are in it. */
  baseCurrency: string;
  onChange: (f: Filters) => void;
  onClear: () => void;
  /** At the right end of the bar (the Columns menu). */
  tools?: ReactNode;
};

export function PartnerFilters({ filters, lookups, baseCurrency, onChange, onClear, tools }: Props) {
  const top = isTopEarners(filters);
  const chips = moneyChips(filters, baseCurrency);
  const toggleStatus = (s: PartnerStatus) =>
    onChange({
      ...filters,
      statuses: filters.statuses.includes(s) ? filters.statuses.filter((x) => x !== s) : [...filters.statuses, s],
    });

  return (
    <div className="filters" role="toolbar" aria-label="Filters">
      <div className="status-filter" role="group" aria-label="Status">
        {STATUSES.map((s) => {
          const on = filters.statuses.includes(s);
          return (
            <button
              key={s}
              type="button"
              className={cx("status-toggle", on && `status-toggle-on status-${s}`)}
              aria-pressed={on}
              onClick={() => toggleStatus(s)}
              data-testid={`filter-status-${s}`}
            >
              <span className="status-dot" aria-hidden />
              {STATUS_LABELS[s]}
            </button>
          );
        })}
      </div>

      <select
        className={cx("input input-sm filter-select", filters.groupId !== null && "filter-on")}
        aria-label="Group"
        value={filters.groupId ?? ""}
        onChange={(e) => onChange({ ...filters, groupId: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">All groups</option>
        {lookups.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name} ({formatCount(g.partner_count)})
          </option>
        ))}
      </select>

      <select
        className={cx("input input-sm filter-select", filters.tag !== null && "filter-on")}
        aria-label="Tag"
        value={filters.tag ?? ""}
        onChange={(e) => onChange({ ...filters, tag: e.target.value || null })}
      >
        <option value="">All tags</option>
        {lookups.tags.map((t) => (
          <option key={t.id} value={t.name}>
            {t.name} ({formatCount(t.partner_count)})
          </option>
        ))}
      </select>

      <select
        className={cx("input input-sm filter-select filter-country", filters.country !== null && "filter-on")}
        aria-label="Country"
        value={filters.country ?? ""}
        onChange={(e) => onChange({ ...filters, country: e.target.value || null })}
      >
        <option value="">All countries</option>
        {lookups.countries
          .filter((c) => c.code)
          .map((c) => (
            <option key={c.code} value={c.code}>
              {countryName(c.code)} · {c.code} ({formatCount(c.count)})
            </option>
          ))}
      </select>

      <MoneyFilter value={filters} currency={baseCurrency} onChange={(patch) => onChange({ ...filters, ...patch })} />

      {/* An order, not a filter: the biggest earners first, among whoever
          the search and filters keep. */}
      <button
        type="button"
        className={cx("filters-tool", top && "filters-tool-on")}
        aria-pressed={top}
        title="Highest revenue of all time first, in the program's currency, among the partners the search and filters keep."
        onClick={() => onChange(toggleTopEarners(filters))}
        data-testid="filter-top-earners"
      >
        <TrendingUp size={14} aria-hidden />
        Top earners
      </button>

      {/* Beside Clear, which clears them too; where the bar wraps (1280 wide
          with long group or country names), they lead the second line. */}
      {chips.length > 0 && (
        <div className="filters-active" role="group" aria-label="Money filters on" data-testid="money-chips">
          {chips.map((c) => (
            <Chip key={c.key} label={c.label} onRemove={() => onChange(withoutMoneyFilter(filters, c.key))} />
          ))}
        </div>
      )}

      {hasFilters(filters) && (
        <button type="button" className="filters-clear" onClick={onClear} data-testid="filters-clear">
          <X size={13} /> Clear
        </button>
      )}
      {tools && <div className="filters-tools">{tools}</div>}
    </div>
  );
}
