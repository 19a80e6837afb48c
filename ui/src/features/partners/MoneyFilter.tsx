import { CircleDollarSign } from "lucide-react";
import { usePopover } from "../../lib/usePopover";
import { cx } from "../../lib/cx";
import { minorToDecimal } from "../../lib/money";
import { hasMoneyFilters, IDLE_MONTHS, idleText, parseMinRevenue, parseRefundPercent, type MoneyFilters } from "./moneyFilters";
import { useTypedFilter } from "./useTypedFilter";

type Props = {
  value: MoneyFilters;
  /** The program's currency: amounts are typed and searched in it. */
  currency: string;
  onChange: (patch: Partial<MoneyFilters>) => void;
};

/**
 * "Money": one button in the filter bar (the bar has no room for four more
 * controls at 1280 wide) opening the money filters. What is typed stays
 * here while the popover is closed, so a pause in typing still applies it.
 */
export function MoneyFilter({ value, currency, onChange }: Props) {
  const { open, setOpen, ref, buttonRef, panelRef, panelStyle, onKeyDown } = usePopover();
  const count = [value.minRevenueMinor !== null, value.balanceDue, value.idleMonths !== null, value.minRefundPercent !== null].filter(Boolean).length;
  const revenue = useTypedFilter(
    value.minRevenueMinor,
    (minor) => minorToDecimal(minor, currency),
    (text) => parseMinRevenue(text, currency),
    (minRevenueMinor) => onChange({ minRevenueMinor }),
  );
  const refunds = useTypedFilter(value.minRefundPercent, String, parseRefundPercent, (minRefundPercent) => onChange({ minRefundPercent }));
  // A count not offered (from another screen) is still shown as chosen.
  const idleChoices = value.idleMonths === null || IDLE_MONTHS.includes(value.idleMonths) ? IDLE_MONTHS : [...IDLE_MONTHS, value.idleMonths].sort((a, b) => a - b);

  return (
    <div className="money-filter" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className={cx("filters-tool", hasMoneyFilters(value) && "filters-tool-on", open && "filters-tool-open")}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={`Filter by revenue, balance due, last sale and refunds (amounts in ${currency})`}
        onClick={() => setOpen((o) => !o)}
        data-testid="filter-money"
      >
        <CircleDollarSign size={14} aria-hidden />
        Money
        {count > 0 && (
          <span className="money-filter-count num">
            {count}
            <span className="visually-hidden"> on</span>
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panelRef}
          style={panelStyle}
          className="popover-panel money-popover"
          role="dialog"
          aria-label="Money filters"
          data-testid="money-popover"
          onKeyDown={onKeyDown}
        >
          <label className="money-row">
            <span>Revenue at least</span>
            <input
              className="input input-sm num money-amount"
              inputMode="decimal"
              placeholder="1,000.00"
              autoComplete="off"
              spellCheck={false}
              aria-label="Revenue at least"
              aria-invalid={revenue.invalid || undefined}
              title={revenue.invalid ? `An amount in ${currency}, like 1,000.00` : "Of all time, in the program's currency"}
              value={revenue.text}
              onChange={(e) => revenue.setText(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && revenue.applyNow()}
              data-testid="filter-min-revenue"
            />
            <span className="muted">{currency}</span>
          </label>
          <label className="money-row money-check" title="Approved commission not yet in a payout run">
            <input type="checkbox" checked={value.balanceDue} onChange={(e) => onChange({ balanceDue: e.target.checked })} data-testid="filter-balance-due" />
            Balance due
          </label>
          <label className="money-row" title="No sale in these calendar months, this one included; partners who never sold count too">
            <span>No sale in</span>
            <select
              className={cx("input input-sm", value.idleMonths !== null && "filter-on")}
              aria-label="No sale in"
              value={value.idleMonths ?? ""}
              onChange={(e) => onChange({ idleMonths: e.target.value ? Number(e.target.value) : null })}
              data-testid="filter-idle-months"
            >
              <option value="">off</option>
              {idleChoices.map((m) => (
                <option key={m} value={m}>
                  {idleText(m)}
                </option>
              ))}
            </select>
          </label>
          <label className="money-row" title="Refunds as a share of sales, counted over all time">
            <span>Refunds at least</span>
            <input
              className="input input-sm num money-percent"
              inputMode="numeric"
              placeholder="10"
              autoComplete="off"
              aria-label="Refunds at least"
              aria-invalid={refunds.invalid || undefined}
              title={refunds.invalid ? "A whole percent from 1 to 100" : undefined}
              value={refunds.text}
              onChange={(e) => refunds.setText(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && refunds.applyNow()}
              data-testid="filter-min-refund-percent"
            />
            <span className="muted">% of sales</span>
          </label>
        </div>
      )}
    </div>
  );
}
