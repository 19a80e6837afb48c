// How a what-if differs from what happened: signed amounts, tones, bars, CSV.

import type { Money } from "../../bindings/Money";
import type { WhatIfRow } from "../../bindings/WhatIfRow";
import { minorToDecimal } from "../../lib/money";
import { formatSignedMoney } from "../../lib/moneyDisplay";

export type Tone = "more" | "less" | "same";

/** More cost, savings, or no change. */
export function differenceTone(m: Money): Tone {
  return m.minor > 0 ? "more" : m.minor < 0 ? "less" : "same";
}

/** "+$1,234.50", "−$12.00", or "$0.00". */
export function formatDifference(m: Money, locale?: string): string {
  return formatSignedMoney(m, { locale });
}

/** In words, for the headline: "more", "less", "no change". */
export function differenceWords(m: Money): string {
  const tone = differenceTone(m);
  return tone === "more" ? "more commission" : tone === "less" ? "less commission" : "no change";
}

/**
 * Each row's bar as a percentage of the largest difference (by size, either
 * sign). A difference too small to see still shows 1%; none shows 0.
 */
export function barWidths(rows: Pick<WhatIfRow, "difference">[]): number[] {
  const largest = rows.reduce((max, r) => Math.max(max, Math.abs(r.difference.minor)), 0);
  if (largest === 0) return rows.map(() => 0);
  return rows.map((r) => {
    const size = Math.abs(r.difference.minor);
    if (size === 0) return 0;
    return Math.max(1, Math.round((size / largest) * 1000) / 10);
  });
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: plain decimal amounts, the currency in its own column. */
export function rowsToCsv(rows: WhatIfRow[]): string {
  const head = ["Partner", "Partner ID", "Conversions", "Actual", "What-if", "Difference", "Currency"];
  const lines = rows.map((r) =>
    [
      csvCell(r.partner_name),
      String(r.partner_id),
      String(r.conversions),
      minorToDecimal(r.actual.minor, r.actual.currency),
      minorToDecimal(r.scenario.minor, r.scenario.currency),
      minorToDecimal(r.difference.minor, r.difference.currency),
      r.difference.currency,
    ].join(","),
  );
  return [head.join(","), ...lines].join("\n") + "\n";
}
