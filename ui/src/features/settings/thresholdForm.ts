import type { Threshold } from "../../bindings/Threshold";

/** What Settings → Tax year edits: text until saved, so typing is free. */
export type ThresholdForm = { year: string; amount: string; currency: string };

export type ThresholdErrors = Partial<Record<keyof ThresholdForm, string>>;

export type ThresholdArgs = { year: number; amount: string; currency: string };

/** The currency a new threshold starts in: the latest year's, else USD (1099s are US forms). */
export function defaultThresholdCurrency(thresholds: Threshold[]): string {
  return thresholds.at(-1)?.amount.currency ?? "USD";
}

/** The arguments for tax_threshold_set, or what is missing; the core checks the rest (the year's range, the amount). */
export function thresholdArgs(f: ThresholdForm): { args: ThresholdArgs } | { errors: ThresholdErrors } {
  const errors: ThresholdErrors = {};
  const year = f.year.trim();
  if (!/^\d{4}$/.test(year)) errors.year = "Enter a year like 2026.";
  if (!f.amount.trim()) errors.amount = "Enter the amount, like 2000.00.";
  if (!/^[A-Za-z]{3}$/.test(f.currency.trim())) errors.currency = "Enter a currency code, like USD.";
  if (Object.keys(errors).length > 0) return { errors };
  return { args: { year: Number(year), amount: f.amount.trim(), currency: f.currency.trim().toUpperCase() } };
}

export function thresholdFieldOf(field: string): keyof ThresholdForm | null {
  return field === "year" || field === "amount" || field === "currency" ? field : null;
}
