import type { PartnerForm } from "./partnerForm";

export type FormKey = keyof PartnerForm;

/** Labels for the core's field names, for messages in plain words. */
export const PARTNER_LABELS: Record<string, string> = {
  name: "Name",
  first_name: "First name",
  email: "Email",
  company: "Company",
  website: "Website",
  social_profiles: "Social profiles",
  country: "Country",
  language: "Language",
  status: "Status",
  group: "Group",
  tags: "Tags",
  custom_fields: "Custom fields",
  parent: "Parent partner",
  referral_codes: "Referral codes",
  coupon_codes: "Coupon codes",
  link_ids: "Link ids",
  payout_method: "Payout method",
  payout_email: "Payout email",
  iban: "IBAN",
  bic: "BIC",
  payout_other: "Payout instructions",
  payout_currency: "Payout currency",
  currency: "Payout currency",
  tax_form_expires: "W-8BEN expiry",
  vat_id: "VAT id",
  terms_version: "Terms version",
  note: "Note",
};

const TO_FORM: Record<string, FormKey> = {
  group: "group_id",
  parent: "parent",
  referral_codes: "codes",
  coupon_codes: "codes",
  link_ids: "codes",
  currency: "payout_currency",
};

const FORM_KEYS: FormKey[] = [
  "name", "first_name", "email", "company", "website", "social_profiles", "country", "language",
  "status", "group_id", "tags", "custom_fields", "parent", "codes", "payout_method", "payout_email",
  "iban", "bic", "payout_other", "payout_currency", "tax_status", "tax_form_expires", "vat_id", "terms_version",
];

/** The form field a core error names ("referral_codes" → codes), or null. */
export function formKeyFor(field: string): FormKey | null {
  if (field in TO_FORM) return TO_FORM[field];
  return (FORM_KEYS as string[]).includes(field) ? (field as FormKey) : null;
}
