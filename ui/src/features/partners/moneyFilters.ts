// The partner list's money filters: revenue at least, balance due, no sale
// in N months, refunds at least N%. Amounts are whole minor units of the
// program's currency, as the search takes them.

import type { PartnerQuery } from "../../bindings/PartnerQuery";
import { typedAmountToMinor } from "../../lib/money";
import { formatMoney } from "../../lib/moneyDisplay";

export type MoneyFilters = {
  /** Revenue of all time at least this, in minor units of the program's currency. */
  minRevenueMinor: number | null;
  /** Approved commission not yet in a payout run. */
  balanceDue: boolean;
  /** No sale in this many calendar months, this one included. */
  idleMonths: number | null;
  /** Refunds at least this percent of sales (by count, all time). */
  minRefundPercent: number | null;
};

export const NO_MONEY_FILTERS: MoneyFilters = { minRevenueMinor: null, balanceDue: false, idleMonths: null, minRefundPercent: null };

/** What another screen may open the list with (Home: "partners with a balance due"). */
export type MoneyIntent = {
  minRevenueMinor?: number;
  balanceDue?: boolean;
  idleMonths?: number;
  minRefundPercent?: number;
};

export const IDLE_MONTHS = [1, 3, 6, 12];

export function hasMoneyFilters(f: MoneyFilters): boolean {
  return f.minRevenueMinor !== null || f.balanceDue || f.idleMonths !== null || f.minRefundPercent !== null;
}

export function moneyFromIntent(i: MoneyIntent): MoneyFilters {
  return {
    minRevenueMinor: i.minRevenueMinor ?? null,
    balanceDue: i.balanceDue ?? false,
    idleMonths: i.idleMonths ?? null,
    minRefundPercent: i.minRefundPercent ?? null,
  };
}

type MoneyQuery = Pick<PartnerQuery, "min_revenue_minor" | "balance_due" | "idle_months" | "min_refund_percent">;

/** Only the filters that are on: an unset field is left out, so the list's key stays as it was. */
export function moneyQuery(f: MoneyFilters): MoneyQuery {
  const q: MoneyQuery = {};
  if (f.minRevenueMinor !== null) q.min_revenue_minor = f.minRevenueMinor;
  if (f.balanceDue) q.balance_due = true;
  if (f.idleMonths !== null) q.idle_months = f.idleMonths;
  if (f.minRefundPercent !== null) q.min_refund_percent = f.minRefundPercent;
  return q;
}

/** A typed amount: null when empty, undefined when it is not an amount in `currency`. */
export function parseMinRevenue(text: string, currency: string): number | null | undefined {
  if (!text.trim()) return null;
  return typedAmountToMinor(text, currency) ?? undefined;
}

/** A typed percent, whole, 1 to 100 ("10" or "10%"): null when empty, undefined otherwise. */
export function parseRefundPercent(text: string): number | null | undefined {
  const t = text.trim().replace(/\s*%$/, "");
  if (!t) return null;
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= 100 ? n : undefined;
}

/** "this month", "3 months": after "No sale in". */
export function idleText(months: number): string {
  return months === 1 ? "this month" : `${months} months`;
}

export type MoneyChip = { key: keyof MoneyFilters; label: string };

/** The filters that are on, in words, each removable on its own. */
export function moneyChips(f: MoneyFilters, currency: string): MoneyChip[] {
  const chips: MoneyChip[] = [];
  if (f.minRevenueMinor !== null) chips.push({ key: "minRevenueMinor", label: `Revenue at least ${formatMoney({ minor: f.minRevenueMinor, currency })}` });
  if (f.balanceDue) chips.push({ key: "balanceDue", label: "Balance due" });
  if (f.idleMonths !== null) chips.push({ key: "idleMonths", label: f.idleMonths === 1 ? "No sale this month" : `No sale in ${idleText(f.idleMonths)}` });
  if (f.minRefundPercent !== null) chips.push({ key: "minRefundPercent", label: `Refunds at least ${f.minRefundPercent}%` });
  return chips;
}

/** `f` without the one filter a chip stood for. */
export function withoutMoneyFilter<F extends MoneyFilters>(f: F, key: keyof MoneyFilters): F {
  return { ...f, [key]: NO_MONEY_FILTERS[key] };
}
