import type { Money } from "../bindings/Money";

// ISO 4217 minor-unit exponents that differ from 2. The core owns the real
// table; this copy is only for showing amounts the core already validated.
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function currencyExponent(code: string): number {
  return EXPONENTS[code.trim().toUpperCase()] ?? 2;
}

/** Minor units as a plain decimal string: 5000 USD → "50.00", 500 JPY → "500". */
export function minorToDecimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exp + 1, "0");
  const whole = exp === 0 ? digits : digits.slice(0, digits.length - exp);
  const frac = exp === 0 ? "" : `.${digits.slice(digits.length - exp)}`;
  return `${negative ? "-" : ""}${whole}${frac}`;
}

export function moneyToDecimal(m: Money): string {
  return minorToDecimal(m.minor, m.currency);
}

// Grouped with commas ("1,000.50") or not ("1000.50"); no sign.
const TYPED_AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * An amount someone typed in `currency` as whole minor units: "1,000.50"
 * USD → 100050, "1000" JPY → 1000. Worked on the text, never through a
 * float. Null for anything else: a sign, a stray comma, more decimals than
 * the currency has (unless zeros), or too large to count exactly.
 */
export function typedAmountToMinor(text: string, currency: string): number | null {
  const m = TYPED_AMOUNT.exec(text.replace(/[\s\u00a0\u202f]/g, ""));
  if (!m || !/\d/.test(m[0])) return null;
  const whole = m[1].replace(/,/g, "");
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  const exp = currencyExponent(currency);
  if (fraction.length > exp) return null;
  const minor = Number(`${whole}${fraction.padEnd(exp, "0")}`.replace(/^0+(?=\d)/, "") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The common currencies offered first; any ISO code may be typed. */
export const COMMON_CURRENCIES: { code: string; name: string }[] = [
  { code: "USD", name: "US dollar" },
  { code: "EUR", name: "Euro" },
  { code: "GBP", name: "British pound" },
  { code: "JPY", name: "Japanese yen" },
  { code: "CAD", name: "Canadian dollar" },
  { code: "AUD", name: "Australian dollar" },
  { code: "CHF", name: "Swiss franc" },
  { code: "SEK", name: "Swedish krona" },
  { code: "NOK", name: "Norwegian krone" },
  { code: "DKK", name: "Danish krone" },
  { code: "PLN", name: "Polish złoty" },
  { code: "NZD", name: "New Zealand dollar" },
  { code: "SGD", name: "Singapore dollar" },
  { code: "HKD", name: "Hong Kong dollar" },
  { code: "INR", name: "Indian rupee" },
  { code: "BRL", name: "Brazilian real" },
  { code: "MXN", name: "Mexican peso" },
  { code: "ZAR", name: "South African rand" },
];
