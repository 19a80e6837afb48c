// Labels for uPlot charts (the partner's performance, the home screen).
// uPlot draws numbers; these turn them back into text a person reads. The
// figures themselves stay exact in the tables beside each chart.
import { currencyExponent } from "./money";
import { formatMoney } from "./moneyDisplay";

/** The machine's locale, except one without grouping (LANG=C) reads as English, as in lib/moneyDisplay. */
export function axisLocale(): string | undefined {
  return /\d\D\d/.test(new Intl.NumberFormat().format(100000)) ? undefined : "en-US";
}

/** "$1.5K" on a value axis. */
export function compactMoney(currency: string): (v: number) => string {
  try {
    const nf = new Intl.NumberFormat(axisLocale(), {
      style: "currency",
      currency,
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    return (v) => nf.format(v);
  } catch {
    return (v) => `${v} ${currency}`;
  }
}

/** "1.5K" on a count axis. */
export function compactCount(): (v: number) => string {
  const nf = new Intl.NumberFormat(axisLocale(), { notation: "compact", maximumFractionDigits: 1 });
  return (v) => nf.format(v);
}

/** A drawn value back as money text, for a hover readout. */
export function exactMoney(currency: string): (v: number) => string {
  const exp = currencyExponent(currency);
  return (v) => formatMoney({ minor: Math.round(v * 10 ** exp), currency });
}

/** Minor units as whole units, for drawing only (never for arithmetic on money). */
export function toUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

/** A CSS custom property of `el`, or `fallback`. */
export function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** "Jan", with the year under January and under the first month. */
export function monthTick(period: string, first: boolean): string {
  const [y, m] = period.split("-").map(Number);
  const name = new Intl.DateTimeFormat(axisLocale(), { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
  return first || m === 1 ? `${name}\n${y}` : name;
}
