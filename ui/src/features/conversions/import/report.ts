// A conversions import report (or its check) in words.

import type { ConversionImportReport } from "../../../bindings/ConversionImportReport";
import { sentence } from "../../../lib/errors";
import { formatCount, plural } from "../../../lib/format";
import { engineSummary } from "../../commissions/engineReport";

export function skippedTotal(r: ConversionImportReport): number {
  return Object.values(r.skipped).reduce((sum, n) => sum + (n ?? 0), 0);
}

/** Why rows were skipped, most frequent first: [["Not completed", 3], …]. */
export function skippedReasons(r: ConversionImportReport): [string, number][] {
  return Object.entries(r.skipped)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .map(([why, n]): [string, number] => [sentence(why).replace(/\.$/, ""), n])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * "120 rows read: 100 would be recorded (90 sales and 10 refunds), 15
 * already in the book, 5 skipped, 3 unattributed." A row of a refunded sale
 * records the sale and its refund, so it says so when that makes more
 * conversions than rows.
 */
export function importSummary(r: ConversionImportReport): string {
  let recorded = `${formatCount(r.recorded)} ${r.dry_run ? "would be recorded" : "recorded"}`;
  if (r.refunds > 0) {
    const split = `${plural(r.recorded - r.refunds, "sale")} and ${plural(r.refunds, "refund")}`;
    const more = r.recorded + r.existing + skippedTotal(r) > r.rows;
    recorded += more ? ` (${split}: a refunded sale's row gives both)` : ` (${split})`;
  }
  const parts = [recorded];
  if (r.existing) parts.push(`${formatCount(r.existing)} already in the book`);
  const skipped = skippedTotal(r);
  if (skipped) parts.push(`${formatCount(skipped)} skipped`);
  if (r.unattributed) parts.push(`${formatCount(r.unattributed)} unattributed`);
  return `${plural(r.rows, "row")} read: ${parts.join(", ")}.`;
}

/** "Commissions: 96 commission lines (4 held) would be computed." */
export function commissionsSummary(r: ConversionImportReport): string {
  return `Commissions: ${engineSummary(r.commissions)} ${r.dry_run ? "would be computed" : "computed"}.`;
}
