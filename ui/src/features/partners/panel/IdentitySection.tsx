import { Plus, X } from "lucide-react";
import { Button } from "../../../components/Button";
import { Field } from "../../../components/Field";
import { STATUS_LABELS, STATUSES } from "../../../components/StatusPill";
import { countryName } from "../../../lib/format";
import type { PartnerStatus } from "../../../bindings/PartnerStatus";
import { ADDRESS_MAX_LINES, addressLines } from "./postalAddress";
import { invalid, type SectionProps } from "./sectionProps";

export function IdentitySection({ form, errors, update, autoFocus }: SectionProps & { autoFocus?: boolean }) {
  const text = (key: "name" | "first_name" | "email" | "company" | "website" | "language", testId: string, placeholder?: string) => (
    <input
      id={`pf-${key}`}
      autoFocus={autoFocus && key === "name"}
      className="input"
      data-testid={testId}
      value={form[key]}
      placeholder={placeholder}
      spellCheck={false}
      {...invalid(errors, key)}
      onChange={(e) => update(key, e.target.value)}
    />
  );
  const profiles = form.social_profiles;

  return (
    <section className="pf-section" aria-labelledby="pf-identity">
      <h3 id="pf-identity" className="pf-section-title">
        Contact
      </h3>
      <div className="pf-grid">
        <Field label="Name" htmlFor="pf-name" error={errors.name} className="pf-span-2">
          {text("name", "field-name", "Full name")}
        </Field>
        <Field label="First name" htmlFor="pf-first_name" error={errors.first_name} hint="How emails greet them.">
          {text("first_name", "field-first-name", form.name.trim().split(/\s+/)[0] || "")}
        </Field>
        <Field label="Status" htmlFor="pf-status" error={errors.status}>
          <select
            id="pf-status"
            className="input"
            data-testid="field-status"
            value={form.status}
            onChange={(e) => update("status", e.target.value as PartnerStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Email" htmlFor="pf-email" error={errors.email} className="pf-span-2">
          {text("email", "field-email", "name@example.com")}
        </Field>
        <Field label="Company" htmlFor="pf-company" error={errors.company}>
          {text("company", "field-company")}
        </Field>
        <Field label="Website" htmlFor="pf-website" error={errors.website}>
          {text("website", "field-website", "example.com")}
        </Field>
        <Field label="Postal address" htmlFor="pf-address" error={errors.address} hint={addressHint(form.address)} className="pf-span-2">
          <textarea
            id="pf-address"
            className="input"
            data-testid="field-address"
            rows={3}
            value={form.address}
            placeholder={"Street and number\nPostcode and city"}
            {...invalid(errors, "address")}
            onChange={(e) => update("address", e.target.value)}
          />
        </Field>
        <Field
          label="Country"
          htmlFor="pf-country"
          error={errors.country}
          hint={form.country.length === 2 ? countryName(form.country) : "Two-letter code, e.g. FR"}
        >
          <input
            id="pf-country"
            className="input num"
            data-testid="field-country"
            value={form.country}
            maxLength={2}
            placeholder="US"
            spellCheck={false}
            {...invalid(errors, "country")}
            onChange={(e) => update("country", e.target.value.toUpperCase())}
          />
        </Field>
        <Field label="Language" htmlFor="pf-language" error={errors.language} hint="e.g. en, fr, pt-BR">
          {text("language", "field-language", "en")}
        </Field>
        <Field label="Social profiles" error={errors.social_profiles} className="pf-span-2">
          <div className="pf-rows">
            {profiles.map((p, i) => (
              <div className="pf-row" key={i}>
                <input
                  className="input"
                  aria-label={`Social profile ${i + 1}`}
                  value={p}
                  placeholder="https://… or @handle"
                  spellCheck={false}
                  {...invalid(errors, "social_profiles")}
                  onChange={(e) => update("social_profiles", profiles.map((x, j) => (j === i ? e.target.value : x)))}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  icon={<X size={14} />}
                  aria-label={`Remove social profile ${i + 1}`}
                  onClick={() => update("social_profiles", profiles.filter((_, j) => j !== i))}
                />
              </div>
            ))}
            <Button variant="link" size="sm" icon={<Plus size={14} />} onClick={() => update("social_profiles", [...profiles, ""])}>
              Add profile
            </Button>
          </div>
        </Field>
      </div>
    </section>
  );
}

/** Under the address: what it is for, or that it has more lines than a statement prints. */
function addressHint(address: string): string {
  const lines = addressLines(address).length;
  return lines > ADDRESS_MAX_LINES
    ? `${lines} lines: statements print at most ${ADDRESS_MAX_LINES}.`
    : `Up to ${ADDRESS_MAX_LINES} lines. Statements print it under the partner's name.`;
}
