import type { Attribution } from "../../bindings/Attribution";
import type { ProgramSettings } from "../../bindings/ProgramSettings";
import type { ProgramSettingsInput } from "../../bindings/ProgramSettingsInput";
import type { Rounding } from "../../bindings/Rounding";
import { moneyToDecimal } from "../../lib/money";

/** What the form edits: numbers stay text until saved, so typing is free. */
export type SettingsForm = {
  program_name: string;
  business_name: string;
  address: string;
  tax_id: string;
  base_currency: string;
  rounding: Rounding;
  hold_days: string;
  minimum_payout: string;
  cookie_window_days: string;
  attribution: Attribution;
  prices_include_tax: boolean;
  country: string;
  self_billing: boolean;
};

export function settingsToForm(s: ProgramSettings): SettingsForm {
  return {
    program_name: s.program_name,
    business_name: s.business_name,
    address: s.address,
    tax_id: s.tax_id,
    base_currency: s.base_currency,
    rounding: s.rounding,
    hold_days: String(s.hold_days),
    minimum_payout: moneyToDecimal(s.minimum_payout),
    cookie_window_days: String(s.cookie_window_days),
    attribution: s.attribution,
    prices_include_tax: s.prices_include_tax,
    country: s.country,
    self_billing: s.self_billing,
  };
}

export type FormErrors = Partial<Record<keyof SettingsForm, string>>;

function wholeDays(text: string): number | null {
  const t = text.trim();
  return /^\d{1,5}$/.test(t) ? Number(t) : null;
}

/** The input for settings_update, or the fields that are not numbers. */
export function formToInput(f: SettingsForm): { input: ProgramSettingsInput } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const hold = wholeDays(f.hold_days);
  const cookie = wholeDays(f.cookie_window_days);
  if (hold === null) errors.hold_days = "Enter a whole number of days.";
  if (cookie === null) errors.cookie_window_days = "Enter a whole number of days.";
  if (!f.program_name.trim()) errors.program_name = "Give the program a name.";
  if (hold === null || cookie === null || errors.program_name) return { errors };
  return {
    input: {
      program_name: f.program_name,
      business_name: f.business_name,
      address: f.address,
      tax_id: f.tax_id,
      base_currency: f.base_currency.trim().toUpperCase(),
      rounding: f.rounding,
      hold_days: hold,
      minimum_payout: f.minimum_payout.trim(),
      cookie_window_days: cookie,
      attribution: f.attribution,
      prices_include_tax: f.prices_include_tax,
      country: f.country.trim().toUpperCase(),
      self_billing: f.self_billing,
    },
  };
}

/** Core field names → form fields (currency errors come back as "currency"). */
export function formFieldOf(field: string): keyof SettingsForm | null {
  if (field === "currency") return "base_currency";
  const known: (keyof SettingsForm)[] = [
    "program_name", "business_name", "address", "tax_id", "base_currency", "rounding",
    "hold_days", "minimum_payout", "cookie_window_days", "attribution", "prices_include_tax", "country", "self_billing",
  ];
  return (known as string[]).includes(field) ? (field as keyof SettingsForm) : null;
}
