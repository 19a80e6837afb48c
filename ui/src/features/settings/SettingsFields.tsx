import type { Attribution } from "../../bindings/Attribution";
import type { Rounding } from "../../bindings/Rounding";
import { CurrencyInput } from "../../components/CurrencyInput";
import { Field } from "../../components/Field";
import { RadioCards } from "../../components/RadioCards";
import { LogoField } from "./LogoField";
import { SettingsSection as Section } from "./SettingsSection";
import type { FormErrors, SettingsForm } from "./settingsForm";

type Props = {
  form: SettingsForm;
  errors: FormErrors;
  update: <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => void;
};

const ROUNDING: { value: Rounding; label: string; description: string }[] = [
  { value: "half_up", label: "Half up", description: "0.5 of a cent rounds away from zero — what most people expect." },
  { value: "half_even", label: "Half even", description: "0.5 of a cent rounds to the even cent — no drift over many lines." },
];

const ATTRIBUTION: { value: Attribution; label: string; description: string }[] = [
  { value: "first_touch", label: "First touch", description: "The partner who referred the customer first gets the credit." },
  { value: "last_touch", label: "Last touch", description: "The partner who referred the customer most recently gets the credit." },
];

export function SettingsFields({ form, errors, update }: Props) {
  const text = (key: "program_name" | "business_name" | "tax_id" | "country", testId?: string) => (
    <input
      id={`settings-${key}`}
      className="input"
      value={form[key]}
      data-testid={testId}
      aria-invalid={!!errors[key] || undefined}
      onChange={(e) => update(key, e.target.value)}
    />
  );
  const days = (key: "hold_days" | "cookie_window_days") => (
    <div className="input-suffixed">
      <input
        id={`settings-${key}`}
        className="input num"
        inputMode="numeric"
        value={form[key]}
        aria-invalid={!!errors[key] || undefined}
        onChange={(e) => update(key, e.target.value)}
      />
      <span className="input-suffix">days</span>
    </div>
  );

  return (
    <>
      <Section title="Program" description="The name shown in the app and on every statement.">
        <Field label="Program name" htmlFor="settings-program_name" error={errors.program_name}>
          {text("program_name", "settings-program-name")}
        </Field>
        <Field label="Base currency" htmlFor="settings-base_currency" error={errors.base_currency} hint="Commissions are computed and paid out in this currency.">
          <div className="settings-narrow">
            <CurrencyInput id="settings-base_currency" value={form.base_currency} onChange={(v) => update("base_currency", v)} invalid={!!errors.base_currency} />
          </div>
        </Field>
      </Section>

      <Section title="Business" description="Your letterhead on partner statements.">
        <Field label="Business name" htmlFor="settings-business_name" error={errors.business_name}>
          {text("business_name")}
        </Field>
        <Field label="Address" htmlFor="settings-address" error={errors.address}>
          <textarea
            id="settings-address"
            className="input"
            rows={3}
            value={form.address}
            aria-invalid={!!errors.address || undefined}
            onChange={(e) => update("address", e.target.value)}
          />
        </Field>
        <Field label="Tax id" htmlFor="settings-tax_id" error={errors.tax_id} hint="Your VAT id: self-billing invoices must show it.">
          {text("tax_id")}
        </Field>
        <Field label="Country" htmlFor="settings-country" error={errors.country} hint="Where the business is established, as two letters (DE).">
          <div className="settings-narrow">{text("country", "settings-country")}</div>
        </Field>
        <label className="settings-check">
          <input
            type="checkbox"
            checked={form.self_billing}
            onChange={(e) => update("self_billing", e.target.checked)}
            data-testid="settings-self-billing"
          />
          <span>
            Statements are self-billing invoices (EU)
            <span className="muted">
              {" "}
              — numbered in one sequence when a run is approved, issued in each partner's name, with the reverse charge for businesses in another EU state
            </span>
          </span>
        </label>
        <LogoField />
      </Section>

      <Section title="Commissions and payouts" description="How amounts are rounded, held and paid.">
        <Field label="Rounding">
          <RadioCards name="rounding" label="Rounding" value={form.rounding} options={ROUNDING} onChange={(v) => update("rounding", v)} />
        </Field>
        <div className="settings-row">
          <Field label="Hold period" htmlFor="settings-hold_days" error={errors.hold_days} hint="Commissions wait this long (your refund window) before they can be paid.">
            {days("hold_days")}
          </Field>
          <Field label="Minimum payout" htmlFor="settings-minimum_payout" error={errors.minimum_payout} hint="Smaller balances carry forward to the next run.">
            <div className="input-suffixed">
              <input
                id="settings-minimum_payout"
                className="input num"
                inputMode="decimal"
                value={form.minimum_payout}
                aria-invalid={!!errors.minimum_payout || undefined}
                onChange={(e) => update("minimum_payout", e.target.value)}
              />
              <span className="input-suffix">{form.base_currency}</span>
            </div>
          </Field>
        </div>
      </Section>

      <Section title="Tracking" description="Which partner a conversion is credited to.">
        <Field label="Cookie window" htmlFor="settings-cookie_window_days" error={errors.cookie_window_days} hint="How long after a click a purchase still counts.">
          <div className="settings-narrow">{days("cookie_window_days")}</div>
        </Field>
        <Field label="Attribution">
          <RadioCards name="attribution" label="Attribution" value={form.attribution} options={ATTRIBUTION} onChange={(v) => update("attribution", v)} />
        </Field>
        <label className="settings-check">
          <input
            type="checkbox"
            checked={form.prices_include_tax}
            onChange={(e) => update("prices_include_tax", e.target.checked)}
            data-testid="settings-prices-include-tax"
          />
          <span>
            The shop's prices include tax
            <span className="muted"> — commissions and refunds are then on the price without it (Shopify's Subtotal less its Taxes)</span>
          </span>
        </label>
      </Section>
    </>
  );
}
