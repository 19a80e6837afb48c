// How a key number moved against the period before, in words and a tone.
// Money is compared per currency in minor units (integers); only the
// percentage shown is a float.

import type { Amounts } from "../../bindings/Amounts";
import type { Money } from "../../bindings/Money";
import { formatCount, formatPercent } from "../../lib/format";
import { formatSignedMoney } from "../../lib/moneyDisplay";

/** Which way is good news: more sales are, more refunds are not. */
export type Better = "up" | "down" | "neither";

export type Change = {
  direction: "up" | "down" | "flat";
  /** "+12%", "−3.5%", "+4" (when there was none before), "No change". */
  text: string;
  tone: "good" | "bad" | "neutral";
};

function tone(direction: Change["direction"], better: Better): Change["tone"] {
  if (direction === "flat" || better === "neither") return "neutral";
  return direction === better ? "good" : "bad";
}

/** "+12%", "−3.5%": whole percents from 10 up, one decimal below, "<0.1%" for a hair. */
export function percentText(now: number, before: number): string {
  const pct = ((now - before) * 100) / before;
  const abs = Math.abs(pct);
  const sign = pct > 0 ? "+" : "\u2212";
  if (abs < 0.05) return `${sign}<0.1%`;
  return `${sign}${formatPercent(abs, abs >= 10 ? 0 : 1)}`;
}

export function countChange(now: number, before: number, better: Better = "up"): Change {
  if (now === before) return { direction: "flat", text: "No change", tone: "neutral" };
  const direction = now > before ? "up" : "down";
  const text = before > 0 ? percentText(now, before) : `${now > before ? "+" : "\u2212"}${formatCount(Math.abs(now - before))}`;
  return { direction, text, tone: tone(direction, better) };
}

/**
 * One currency's change. A percentage when the amount before was positive
 * and the amount now is not negative; otherwise the difference itself
 * ("+$40.00"): a percentage of nothing, or of a negative amount, says little.
 */
export function moneyChange(now: Money, before: Money, better: Better = "up"): Change {
  if (now.minor === before.minor) return { direction: "flat", text: "No change", tone: "neutral" };
  const direction = now.minor > before.minor ? "up" : "down";
  const text =
    before.minor > 0 && now.minor >= 0
      ? percentText(now.minor, before.minor)
      : formatSignedMoney({ minor: now.minor - before.minor, currency: now.currency });
  return { direction, text, tone: tone(direction, better) };
}

export type AmountLine = { now: Money; before: Money };

/**
 * One line per currency seen now or before, zero where a side has none:
 * the currencies with an amount now first (largest first), then those
 * only seen before.
 */
export function amountLines(a: Amounts): AmountLine[] {
  const before = new Map(a.before.map((m) => [m.currency, m.minor]));
  const lines = [...a.now]
    .sort((x, y) => y.minor - x.minor || x.currency.localeCompare(y.currency))
    .map((m) => ({ now: m, before: { minor: before.get(m.currency) ?? 0, currency: m.currency } }));
  const seen = new Set(a.now.map((m) => m.currency));
  for (const m of a.before) {
    if (!seen.has(m.currency)) lines.push({ now: { minor: 0, currency: m.currency }, before: m });
  }
  return lines;
}

function sum(a: Money[], b: Money[]): Money[] {
  const out = new Map<string, number>();
  for (const m of [...a, ...b]) out.set(m.currency, (out.get(m.currency) ?? 0) + m.minor);
  return [...out.entries()]
    .filter(([, minor]) => minor !== 0)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([currency, minor]) => ({ minor, currency }));
}

/** Commission earned less what was given back (`given_back` is negative), per currency. */
export function netAmounts(earned: Amounts, givenBack: Amounts): Amounts {
  return { now: sum(earned.now, givenBack.now), before: sum(earned.before, givenBack.before) };
}

/** Refunds as a percentage of sales, for display; null without sales. */
export function refundRate(refunds: number, sales: number): number | null {
  return sales > 0 ? (refunds * 100) / sales : null;
}

export function rateText(rate: number | null): string {
  return rate === null ? "\u2014" : formatPercent(rate, rate >= 10 ? 0 : 1);
}
