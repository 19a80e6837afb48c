// Plain-word labels for the core's partner field names: the CSV columns an
// import can map to, and the extra names that appear in error messages.

import type { PartnerField } from "../../bindings/PartnerField";

/** Every CSV column the core reads (PartnerField), in its order. */
export const FIELD_LABELS: Record<PartnerField, string> = {
  name: "Name",
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  company: "Company",
  address: "Postal address",
  website: "Website",
  social_profiles: "Social profiles",
  country: "Country",
  language: "Language",
  status: "Status",
  group: "Group",
  tags: "Tags",
  parent_email: "Parent partner's email",
  referral_codes: "Referral codes",
  coupon_codes: "Coupon codes",
  link_ids: "Link ids",
  payout_method: "Payout method",
  payout_email: "Payout email",
  iban: "IBAN",
  bic: "BIC",
  payout_other: "Payout instructions",
  payout_currency: "Payout currency",
  tax_status: "Tax status",
  tax_form_expires: "W-8BEN expiry",
  vat_id: "VAT id",
  tin: "TIN",
  terms_version: "Terms version",
};

/** Any field name a core error may start with ("email: …", "parent: …"). */
export const PARTNER_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  custom_fields: "Custom fields",
  parent: "Parent partner",
  currency: "Payout currency",
  note: "Note",
};
