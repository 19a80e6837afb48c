// The home screen's charts as numbers to draw and text to read. Amounts are
// drawn as whole units (floats, for drawing only); the text beside each bar
// and in the tables is formatted from the exact minor units.

import type { Funnel } from "../../bindings/Funnel";
import type { GroupFigure } from "../../bindings/GroupFigure";
import type { Home } from "../../bindings/Home";
import type { Money } from "../../bindings/Money";
import type { RefundRate } from "../../bindings/RefundRate";
import type { TopList } from "../../bindings/TopList";
import type { TrendPoint } from "../../bindings/TrendPoint";
import { toUnits } from "../../lib/chartFormat";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { rateText, refundRate } from "./change";

/** How many bars a ranked chart draws. */
export const MAX_BARS = 10;

/** One bar: what it is called, how long it is drawn, and its value as text. */
export type Bar = { label: string; value: number; text: string };

/**
 * The currencies the charts can be shown in: the most sold first (the
 * order of the top lists), then any other seen in the trend or the groups.
 */
export function chartCurrencies(home: Home): string[] {
  const out = home.partners.top.map((t) => t.currency);
  const rest = new Set<string>();
  for (const p of home.trend) for (const m of [...p.revenue, ...p.commission]) rest.add(m.currency);
  for (const g of home.partners.groups) for (const m of [...g.revenue, ...g.commission]) rest.add(m.currency);
  for (const c of [...rest].sort()) if (!out.includes(c)) out.push(c);
  return out;
}

/** The amount in `currency`, zero when there is none. */
export function inCurrency(list: Money[], currency: string): Money {
  return list.find((m) => m.currency === currency) ?? { minor: 0, currency };
}

export type TrendSeries = {
  currency: string;
  /** "YYYY-MM", oldest first. */
  months: string[];
  revenue: Money[];
  commission: Money[];
};

export function trendSeries(trend: TrendPoint[], currency: string): TrendSeries {
  return {
    currency,
    months: trend.map((p) => p.month),
    revenue: trend.map((p) => inCurrency(p.revenue, currency)),
    commission: trend.map((p) => inCurrency(p.commission, currency)),
  };
}

export function isQuietTrend(s: TrendSeries): boolean {
  return s.revenue.every((m) => m.minor === 0) && s.commission.every((m) => m.minor === 0);
}

function moneyBar(label: string, m: Money): Bar {
  return { label, value: toUnits(m.minor, m.currency), text: formatMoney(m) };
}

export type PartnerBar = Bar & { partnerId: number; sales: number };

/** The top list of `currency` (empty when nobody sold in it). */
export function topBars(top: TopList[], currency: string): PartnerBar[] {
  const list = top.find((t) => t.currency === currency)?.partners ?? [];
  return list.map((p) => ({ ...moneyBar(p.name, inCurrency(p.revenue, currency)), partnerId: p.partner_id, sales: p.sales }));
}

export type GroupBar = Bar & { groupId: number | null; partners: number; commission: Money };

/** Groups by revenue in `currency`, most first; groups without any in it last. */
export function groupBars(groups: GroupFigure[], currency: string): GroupBar[] {
  return groups
    .map((g) => ({
      ...moneyBar(g.name, inCurrency(g.revenue, currency)),
      groupId: g.group_id,
      partners: g.partners,
      commission: inCurrency(g.commission, currency),
      minor: inCurrency(g.revenue, currency).minor,
    }))
    .sort((a, b) => b.minor - a.minor || a.label.localeCompare(b.label))
    .map(({ minor: _, ...bar }) => bar);
}

export type RefundBar = Bar & { partnerId: number; sales: number; refunds: number; rate: string };

/** Refund rate (refunds / sales) per partner, as the core ranked them. */
export function refundBars(rates: RefundRate[]): RefundBar[] {
  return rates.map((r) => {
    const rate = refundRate(r.refunds, r.sales) ?? 0;
    return {
      label: r.name,
      value: rate,
      text: `${rateText(rate)} (${formatCount(r.refunds)} of ${formatCount(r.sales)})`,
      partnerId: r.partner_id,
      sales: r.sales,
      refunds: r.refunds,
      rate: rateText(rate),
    };
  });
}

export type FunnelStep = "applied" | "approved" | "first_sale" | "paid";

export const FUNNEL_LABELS: Record<FunnelStep, string> = {
  applied: "Applied",
  approved: "Approved",
  first_sale: "Made a sale",
  paid: "Paid",
};

export type FunnelBar = Bar & { step: FunnelStep };

/** The four steps; from "made a sale" on, the share of those approved. */
export function funnelBars(f: Funnel): FunnelBar[] {
  const share = (n: number) => (f.approved > 0 ? ` (${rateText((n * 100) / f.approved)})` : "");
  return (["applied", "approved", "first_sale", "paid"] as const).map((step) => ({
    step,
    label: FUNNEL_LABELS[step],
    value: f[step],
    text: `${formatCount(f[step])}${step === "first_sale" || step === "paid" ? share(f[step]) : ""}`,
  }));
}
