// A partner's money as the table shows it, formatted once when it arrives
// (formatting is the slow part of drawing a row), with how wide each value
// is so its column can fit the widest one seen.

import type { Money } from "../../../bindings/Money";
import type { PartnerMoney } from "../../../bindings/PartnerMoney";
import { formatCount, formatDate, formatPercent, plural } from "../../../lib/format";
import { formatMoney } from "../../../lib/moneyDisplay";
import type { MoneyColumnId } from "./columns";

/** Amounts in one or more currencies: the first shown, "+N" for the others, all in the title. */
export type Amounts = { text: string; more: number; title: string | undefined };

export type MoneyView = {
  revenue: Amounts;
  commission: Amounts;
  revenue30: Amounts;
  commission30: Amounts;
  balance: Amounts;
  lastSale: string;
  refundRate: string;
  refundTitle: string;
  customers: string;
};

export const NONE = "\u2014";

/** The program's currency first, the others in the order given. */
export function amountsView(list: Money[], baseCurrency: string): Amounts {
  if (list.length === 0) return { text: NONE, more: 0, title: undefined };
  const ordered = [...list.filter((m) => m.currency === baseCurrency), ...list.filter((m) => m.currency !== baseCurrency)];
  const texts = ordered.map((m) => formatMoney(m));
  return { text: texts[0], more: texts.length - 1, title: texts.length > 1 ? texts.join("\n") : undefined };
}

/** Refunds as a share of sales: "—" without sales. */
export function refundRateText(refunds: number, sales: number): string {
  if (sales <= 0) return NONE;
  const rate = (refunds * 100) / sales;
  return formatPercent(rate, rate >= 10 ? 0 : 1);
}

export function moneyView(m: PartnerMoney, baseCurrency: string): MoneyView {
  return {
    revenue: amountsView(m.revenue, baseCurrency),
    commission: amountsView(m.commission, baseCurrency),
    revenue30: amountsView(m.revenue_30d, baseCurrency),
    commission30: amountsView(m.commission_30d, baseCurrency),
    balance: amountsView(m.balance_due, baseCurrency),
    lastSale: m.last_sale ? formatDate(m.last_sale) : NONE,
    refundRate: refundRateText(m.refunds, m.sales),
    refundTitle: `${plural(m.refunds, "refund")} of ${plural(m.sales, "sale")}`,
    customers: formatCount(m.customers),
  };
}

/**
 * About how wide `text` is in ch (the width of a tabular digit), erring
 * wide: separators are narrow, capitals (currency codes) wide.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text) {
    if (c >= "0" && c <= "9") w += 1;
    else if (/[.,'\u00a0\u202f ]/.test(c)) w += 0.5;
    else if (/[A-Z]/.test(c)) w += 1.3;
    else w += 1.1;
  }
  return w;
}

function amountsWidth(a: Amounts): number {
  // "+1" is smaller type after a small gap.
  return textWidth(a.text) + (a.more > 0 ? 0.6 + 0.85 * textWidth(`+${a.more}`) : 0);
}

/** Each fitted money column's width for this partner, in ch, with room to spare. */
export function viewWidths(v: MoneyView): Record<Exclude<MoneyColumnId, "refundRate">, number> {
  const pad = 0.5;
  return {
    revenue: amountsWidth(v.revenue) + pad,
    commission: amountsWidth(v.commission) + pad,
    revenue30: amountsWidth(v.revenue30) + pad,
    commission30: amountsWidth(v.commission30) + pad,
    balance: amountsWidth(v.balance) + pad,
    lastSale: textWidth(v.lastSale) + pad,
    customers: textWidth(v.customers) + pad,
  };
}
