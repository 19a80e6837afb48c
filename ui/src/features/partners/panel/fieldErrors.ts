import type { PartnerForm } from "./partnerForm";

export type FormKey = keyof PartnerForm;

const TO_FORM: Record<string, FormKey> = {
  group: "group_id",
  parent: "parent",
  referral_codes: "codes",
  coupon_codes: "codes",
  link_ids: "codes",
  currency: "payout_currency",
};

const FORM_KEYS: FormKey[] = [
  "name", "first_name", "email", "company", "address", "website", "social_profiles", "country", "language",
  "status", "group_id", "tags", "custom_fields", "parent", "codes", "payout_method", "payout_email",
  "iban", "bic", "payout_other", "payout_currency", "tax_status", "tax_form_expires", "vat_id", "tin", "terms_version",
];

/** The form field a core error names ("referral_codes" → codes), or null. */
export function formKeyFor(field: string): FormKey | null {
  if (field in TO_FORM) return TO_FORM[field];
  return (FORM_KEYS as string[]).includes(field) ? (field as FormKey) : null;
}
