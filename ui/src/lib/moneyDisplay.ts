// Money shown to people: "$1,234.50", "+$12.00", "−$3.10". Amounts are
// formatted from their exact decimal text (Intl reads decimal strings
// exactly), never from a float made by dividing minor units.

import type { Money } from "../bindings/Money";
import { currencyExponent, minorToDecimal } from "./money";

let machineLocale: string | undefined | null = null;

/** The machine's locale, except that one without grouping (LANG=C) gets English. */
function numberLocale(locale?: string): string | undefined {
  if (locale) return locale;
  if (machineLocale === null) {
    machineLocale = /\d\D\d/.test(new Intl.NumberFormat().format(100000)) ? undefined : "en-US";
  }
  return machineLocale;
}

type Options = {
  locale?: string;
  /** Drop ".00" from whole amounts ("$1,000" in rule sentences). */
  trimZeroCents?: boolean;
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A plain decimal text ("1000.00") in `currency`: "$1,000.00". Text that is
 * not a plain decimal is returned as typed, with the currency code after it.
 */
export function formatDecimalMoney(text: string, currency: string, opts: Options = {}): string {
  const t = text.trim();
  const code = currency.trim().toUpperCase();
  if (!DECIMAL.test(t)) return `${t} ${code}`.trim();
  const exp = currencyExponent(code);
  const fraction = t.includes(".") ? t.split(".")[1] : "";
  const whole = /^0*$/.test(fraction);
  const digits = opts.trimZeroCents && whole ? 0 : Math.max(exp, fraction.replace(/0+$/, "").length);
  try {
    const nf = new Intl.NumberFormat(numberLocale(opts.locale), {
      style: "currency",
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, exp),
    });
    return nf.format(t as Intl.StringNumericLiteral);
  } catch {
    return `${t} ${code}`;
  }
}

/** Money as "$1,234.50" (negative amounts with a minus sign). */
export function formatMoney(m: Money, opts: Options = {}): string {
  const text = minorToDecimal(m.minor, m.currency);
  if (m.minor < 0) return `\u2212${formatDecimalMoney(text.slice(1), m.currency, opts)}`;
  return formatDecimalMoney(text, m.currency, opts);
}

/** A change in money: "+$12.00", "−$12.00", or "$0.00" for none. */
export function formatSignedMoney(m: Money, opts: Options = {}): string {
  if (m.minor === 0) return formatMoney(m, opts);
  const abs = formatMoney({ minor: Math.abs(m.minor), currency: m.currency }, opts);
  return `${m.minor > 0 ? "+" : "\u2212"}${abs}`;
}
