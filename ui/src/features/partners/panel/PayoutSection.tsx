import type { PayoutMethod } from "../../../bindings/PayoutMethod";
import type { TaxStatus } from "../../../bindings/TaxStatus";
import { CurrencyInput } from "../../../components/CurrencyInput";
import { Field } from "../../../components/Field";
import { SecretInput } from "../../../components/SecretInput";
import { formatDate } from "../../../lib/format";
import { W9_TIN_HINT } from "../../../lib/tin";
import { takesTin } from "./partnerForm";
import { invalid, type SectionProps } from "./sectionProps";

const METHODS: { value: PayoutMethod; label: string }[] = [
  { value: "none", label: "Not set" },
  { value: "paypal", label: "PayPal" },
  { value: "wise", label: "Wise" },
  { value: "iban", label: "Bank transfer (IBAN)" },
  { value: "other", label: "Other" },
];

const TAX: { value: TaxStatus; label: string }[] = [
  { value: "none", label: "None on file" },
  { value: "w9", label: "W-9 (US person)" },
  { value: "w8ben", label: "W-8BEN (non-US person)" },
  { value: "vat", label: "VAT registered" },
];

type Props = SectionProps & { baseCurrency: string; termsAcceptedAt: string | null };

export function PayoutSection({ form, errors, update, baseCurrency, termsAcceptedAt }: Props) {
  const text = (key: "payout_email" | "iban" | "bic" | "vat_id" | "terms_version", label: string, placeholder: string, span = false) => (
    <Field label={label} htmlFor={`pf-${key}`} error={errors[key]} className={span ? "pf-span-2" : undefined}>
      <input
        id={`pf-${key}`}
        className="input"
        value={form[key]}
        placeholder={placeholder}
        spellCheck={false}
        {...invalid(errors, key)}
        onChange={(e) => update(key, e.target.value)}
      />
    </Field>
  );

  // A bank transfer needs the account; Wise may take one too (BIC optional there).
  const bank = (
    <>
      {text("iban", "IBAN", "DE89 3704 0044 0532 0130 00")}
      {text("bic", "BIC", "COBADEFFXXX")}
    </>
  );

  return (
    <section className="pf-section" aria-labelledby="pf-payout">
      <h3 id="pf-payout" className="pf-section-title">
        Payout and tax
      </h3>
      <div className="pf-grid">
        <Field label="Payout method" htmlFor="pf-payout_method" error={errors.payout_method}>
          <select
            id="pf-payout_method"
            className="input"
            data-testid="field-payout-method"
            value={form.payout_method}
            onChange={(e) => update("payout_method", e.target.value as PayoutMethod)}
          >
            {METHODS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Payout currency" htmlFor="pf-payout_currency" error={errors.payout_currency} hint={`Empty means ${baseCurrency}.`}>
          <CurrencyInput
            id="pf-payout_currency"
            value={form.payout_currency}
            onChange={(v) => update("payout_currency", v)}
            placeholder={baseCurrency}
            invalid={!!errors.payout_currency}
          />
        </Field>
        {(form.payout_method === "paypal" || form.payout_method === "wise") &&
          text("payout_email", form.payout_method === "paypal" ? "PayPal email" : "Wise email", "payouts@example.com", true)}
        {form.payout_method === "wise" && (
          <>
            <p className="field-hint pf-span-2" data-testid="wise-bank-hint">
              Optional. With an IBAN, Wise pays the account directly; without one, Wise emails them for their bank details.
            </p>
            {bank}
          </>
        )}
        {form.payout_method === "iban" && bank}
        {form.payout_method === "other" && (
          <Field label="Payout instructions" htmlFor="pf-payout_other" error={errors.payout_other} className="pf-span-2">
            <textarea
              id="pf-payout_other"
              className="input"
              rows={2}
              value={form.payout_other}
              {...invalid(errors, "payout_other")}
              onChange={(e) => update("payout_other", e.target.value)}
            />
          </Field>
        )}

        <Field label="Tax status" htmlFor="pf-tax_status" error={errors.tax_status}>
          <select id="pf-tax_status" className="input" value={form.tax_status} onChange={(e) => update("tax_status", e.target.value as TaxStatus)}>
            {TAX.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        {form.tax_status === "w8ben" && (
          <Field label="W-8BEN expires" htmlFor="pf-tax_form_expires" error={errors.tax_form_expires}>
            <input
              id="pf-tax_form_expires"
              type="date"
              className="input num"
              value={form.tax_form_expires}
              {...invalid(errors, "tax_form_expires")}
              onChange={(e) => update("tax_form_expires", e.target.value)}
            />
          </Field>
        )}
        {form.tax_status === "vat" && text("vat_id", "VAT id", "DE123456789")}
        {takesTin(form.tax_status) && (
          <Field
            label="TIN"
            htmlFor="pf-tin"
            error={errors.tin}
            hint={form.tax_status === "w9" ? W9_TIN_HINT : "Tax id in their country"}
          >
            <SecretInput id="pf-tin" value={form.tin} invalid={!!errors.tin} onChange={(v) => update("tin", v)} testId="field-tin" />
          </Field>
        )}
        {/* Terms version starts a row: fill the one the tax fields leave half empty. */}
        {form.tax_status !== "vat" && form.tax_status !== "w9" && <div aria-hidden />}

        {text("terms_version", "Terms version", "e.g. 2026-01")}
        <Field label="Terms accepted">
          <p className="pf-readonly num">{termsAcceptedAt ? formatDate(termsAcceptedAt) : "Not yet"}</p>
        </Field>
      </div>
    </section>
  );
}
