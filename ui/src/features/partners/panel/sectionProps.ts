import type { FormKey } from "./fieldErrors";
import type { PartnerForm } from "./partnerForm";

export type FieldErrors = Partial<Record<FormKey, string>>;

export type SectionProps = {
  form: PartnerForm;
  errors: FieldErrors;
  update: <K extends FormKey>(key: K, value: PartnerForm[K]) => void;
};

/** Props for an input that shows its field's error state. */
export function invalid(errors: FieldErrors, key: FormKey) {
  return { "aria-invalid": errors[key] ? (true as const) : undefined };
}
