// The numbers a rule holds, as text: rates ("30%"), amounts in the base
// currency ("5.00") and counts ("10"). Checked and compared as text so no
// float ever touches them.

import { currencyExponent } from "../../lib/money";

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/** "7" / "07.50" / "12,5" → canonical decimal text ("7", "7.5", "12.5"), or null. */
function canonicalDecimal(text: string): string | null {
  let t = text.trim().replace(/\s+/g, "");
  if (t.startsWith(".")) t = `0${t}`;
  if (!t.includes(".") && /^\d+,\d+$/.test(t)) t = t.replace(",", ".");
  const m = PLAIN.exec(t);
  if (!m) return null;
  const whole = m[1].replace(/^0+(?=\d)/, "");
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * A rate as the core wants it: "30" or "30 %" or "30%" → "30%",
 * "12.50" → "12.5%". Null when it is not a number.
 */
export function normaliseRate(text: string): string | null {
  const t = text.trim().replace(/%$/, "");
  const n = canonicalDecimal(t);
  return n === null ? null : `${n}%`;
}

/** What the form shows for a stored rate: "30%" → "30". */
export function rateToInput(rate: string): string {
  return rate.trim().replace(/\s*%$/, "");
}

/** Why a rate cannot be used, or null. */
export function rateError(text: string): string | null {
  if (!text.trim()) return "Enter a rate.";
  const rate = normaliseRate(text);
  if (rate === null) return "Enter a percentage like 30 or 12.5.";
  if (compareDecimal(rate.slice(0, -1), "100") > 0) return "A rate can be at most 100%.";
  return null;
}

/** Why an amount in `currency` cannot be used, or null. */
export function amountError(text: string, currency: string): string | null {
  const t = text.trim();
  if (!t) return "Enter an amount.";
  const m = PLAIN.exec(t);
  if (!m) return t.startsWith("-") ? "The amount must not be negative." : "Enter an amount like 5.00.";
  const exp = currencyExponent(currency);
  if ((m[2] ?? "").length > exp) {
    return exp === 0 ? `${currency} has no cents: enter a whole amount.` : `Use at most ${exp} decimals.`;
  }
  return null;
}

/** Why a count cannot be used, or null. */
export function countError(text: string): string | null {
  const t = text.trim();
  if (!t) return "Enter a number.";
  return /^\d+$/.test(t) ? null : "Enter a whole number.";
}

/** A positive whole number ("12" → 12), or null. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 ? n : null;
}

/**
 * Compares two non-negative plain decimals exactly: -1, 0 or 1.
 * Text that is not a plain decimal compares as equal (the field error says why).
 */
export function compareDecimal(a: string, b: string): number {
  const x = PLAIN.exec(a.trim());
  const y = PLAIN.exec(b.trim());
  if (!x || !y) return 0;
  const wx = x[1].replace(/^0+/, "");
  const wy = y[1].replace(/^0+/, "");
  if (wx.length !== wy.length) return wx.length < wy.length ? -1 : 1;
  if (wx !== wy) return wx < wy ? -1 : 1;
  const fx = x[2] ?? "";
  const fy = y[2] ?? "";
  const len = Math.max(fx.length, fy.length);
  const px = fx.padEnd(len, "0");
  const py = fy.padEnd(len, "0");
  return px === py ? 0 : px < py ? -1 : 1;
}
