import { useState, type FormEvent } from "react";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { SecretInput } from "../../components/SecretInput";
import { formRefusal } from "../../lib/errors";
import { W9_TIN_HINT } from "../../lib/tin";
import { TAX_KINDS, takesTin, taxChange, taxFieldOf, type TaxDraft, type TaxErrors, type TaxKind } from "./taxForm";
import { onboardingApi } from "./api";

type Props = {
  row: OnboardingRow;
  /** A valid form is on file: this records a newer one (a renewed W-8BEN). */
  replacing: boolean;
  onSaved: (row: OnboardingRow, what: string) => void;
};

const LABELS = { tax_form_expires: "Expiry date", vat_id: "VAT id", tin: "TIN", tax_form: "Tax form" };

/** Records the tax form the partner sent: W-9, W-8BEN with its expiry day, or a VAT id; the TIN on a W-9 or W-8BEN if given. */
export function TaxFormForm({ row, replacing, onSaved }: Props) {
  const [draft, setDraft] = useState<TaxDraft>({ kind: "w9", expires: "", vatId: "", tin: "" });
  const [errors, setErrors] = useState<TaxErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = `ob-tax-${row.partner_id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = taxChange(draft);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setSaving(true);
    setBanner(null);
    try {
      const label = TAX_KINDS.find((k) => k.value === draft.kind)!.label.replace(/ \(.*\)$/, "");
      onSaved(await onboardingApi.set(row.partner_id, checked.change), `${label} recorded`);
    } catch (err) {
      const r = formRefusal(err, taxFieldOf, LABELS);
      setErrors(r.errors);
      setBanner(r.banner);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="ob-action" onSubmit={submit} aria-label="Tax form" noValidate>
      <h4>{replacing ? "Record a newer tax form" : "Tax form"}</h4>
      {banner && <Banner testId="onboarding-tax-error">{banner}</Banner>}
      <div className="ob-action-row">
        <select
          className="input input-sm"
          aria-label="Tax form"
          value={draft.kind}
          disabled={saving}
          onChange={(e) => (setDraft({ ...draft, kind: e.target.value as TaxKind }), setErrors({}))}
          data-testid="onboarding-tax-kind"
        >
          {TAX_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {draft.kind === "w8ben" && (
        <Field label="Expires on" htmlFor={`${id}-expires`} error={errors.expires} hint="W-8BEN forms are valid for three calendar years.">
          <input
            id={`${id}-expires`}
            type="date"
            className="input input-sm ob-date"
            value={draft.expires}
            disabled={saving}
            aria-invalid={errors.expires ? true : undefined}
            onChange={(e) => (setDraft({ ...draft, expires: e.target.value }), setErrors({}))}
            data-testid="onboarding-tax-expires"
          />
        </Field>
      )}
      {draft.kind === "vat" && (
        <Field label="VAT id" htmlFor={`${id}-vat`} error={errors.vatId}>
          <input
            id={`${id}-vat`}
            className="input input-sm"
            value={draft.vatId}
            placeholder="DE123456789"
            autoComplete="off"
            spellCheck={false}
            disabled={saving}
            aria-invalid={errors.vatId ? true : undefined}
            onChange={(e) => (setDraft({ ...draft, vatId: e.target.value }), setErrors({}))}
            data-testid="onboarding-tax-vat"
          />
        </Field>
      )}
      {takesTin(draft.kind) && (
        <Field
          label="TIN"
          htmlFor={`${id}-tin`}
          error={errors.tin}
          hint={draft.kind === "w9" ? `Optional. ${W9_TIN_HINT}` : "Optional. Tax id in their country"}
        >
          <SecretInput
            id={`${id}-tin`}
            small
            value={draft.tin}
            disabled={saving}
            invalid={!!errors.tin}
            onChange={(tin) => (setDraft({ ...draft, tin }), setErrors({}))}
            testId="onboarding-tax-tin"
          />
        </Field>
      )}
      <div>
        <Button type="submit" size="sm" busy={saving} data-testid="onboarding-tax-save">
          Record tax form
        </Button>
      </div>
    </form>
  );
}
