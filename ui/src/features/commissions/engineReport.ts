// What a run of the commission engine did, in words (for toasts and the
// conversions import summary).

import type { EngineReport } from "../../bindings/EngineReport";
import type { FxImportReport } from "../../bindings/FxImportReport";
import type { Money } from "../../bindings/Money";
import { formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";

/** A net change: "1,234.50 USD", or "-20.00 USD in all" when refunds outweigh sales. */
function formatSignedNet(m: Money): string {
  return m.minor < 0 ? `${formatMoney(m)} in all` : formatMoney(m);
}

/** "14 commission lines (2 held, 1 reversal, 1 reinstated, 1 bonus) worth 1,234.50 USD". */
export function engineSummary(r: EngineReport): string {
  const extras: string[] = [];
  if (r.held) extras.push(`${formatCount(r.held)} held`);
  if (r.reversals) extras.push(plural(r.reversals, "reversal"));
  if (r.clawbacks) extras.push(plural(r.clawbacks, "clawback"));
  if (r.reinstated) extras.push(`${formatCount(r.reinstated)} reinstated`);
  if (r.bonuses) extras.push(plural(r.bonuses, "bonus", "bonuses"));
  if (r.adjustments) extras.push(plural(r.adjustments, "month adjustment"));
  const lines = plural(r.lines, "commission line");
  const worth = r.net ? ` worth ${formatSignedNet(r.net)}` : "";
  return (extras.length ? `${lines} (${extras.join(", ")})` : lines) + worth;
}

/** The toast after Recompute. */
export function recomputeMessage(r: EngineReport): string {
  if (r.conversions === 0 && r.lines === 0) return "Nothing was waiting to be computed.";
  return `Recomputed ${plural(r.conversions, "conversion")}: ${engineSummary(r)}.`;
}

/** The toast after importing FX rates: "1,230 rates for 30 days; 12 commissions computed." */
export function fxMessage(fx: FxImportReport, engine: EngineReport): string {
  const retired = fx.skipped_currencies.length ? ` Skipped currencies that no longer exist: ${fx.skipped_currencies.join(", ")}.` : "";
  return `${plural(fx.rates, "rate")} for ${plural(fx.days, "day")}; ${plural(engine.lines, "commission")} computed.${retired}`;
}

/** Before importing a rates file: what it holds and what importing it would do. */
export function fxPreviewMessage(fx: FxImportReport, engine: EngineReport): string {
  const retired = fx.skipped_currencies.length ? ` Columns of currencies that no longer exist are skipped: ${fx.skipped_currencies.join(", ")}.` : "";
  const computed =
    engine.lines === 0
      ? "No commission is waiting for these rates."
      : `Importing them computes ${engineSummary(engine)} that waited for a rate.`;
  return `The file holds ${plural(fx.rates, "rate")} for ${plural(fx.days, "day")}. ${computed}${retired}`;
}
