// The partner form's state and its conversion to and from PartnerInput.
// The form keeps list rows (social profiles, custom fields, codes) as rows
// so they can be edited one by one; empty rows are dropped on the way out.

import type { CodeKind } from "../../../bindings/CodeKind";
import type { Partner } from "../../../bindings/Partner";
import type { PartnerInput } from "../../../bindings/PartnerInput";
import type { PartnerStatus } from "../../../bindings/PartnerStatus";
import type { PayoutMethod } from "../../../bindings/PayoutMethod";
import type { TaxStatus } from "../../../bindings/TaxStatus";

export type CustomRow = { key: string; value: string };
export type CodeRow = { kind: CodeKind; code: string };
export type ParentRef = { id: number; name: string };

export type PartnerForm = {
  name: string;
  first_name: string;
  email: string;
  company: string;
  /** Postal address, one line per line; statements print it. */
  address: string;
  website: string;
  social_profiles: string[];
  country: string;
  language: string;
  status: PartnerStatus;
  group_id: number | null;
  tags: string[];
  custom_fields: CustomRow[];
  parent: ParentRef | null;
  codes: CodeRow[];
  payout_method: PayoutMethod;
  payout_email: string;
  iban: string;
  bic: string;
  payout_other: string;
  payout_currency: string;
  tax_status: TaxStatus;
  tax_form_expires: string;
  vat_id: string;
  /** Whole, as typed: only this field shows it so (masked until asked). */
  tin: string;
  terms_version: string;
};

/** The forms that carry a TIN; any other status keeps none. */
export function takesTin(status: TaxStatus): boolean {
  return status === "w9" || status === "w8ben";
}

export function emptyForm(): PartnerForm {
  return {
    name: "",
    first_name: "",
    email: "",
    company: "",
    address: "",
    website: "",
    social_profiles: [],
    country: "",
    language: "",
    status: "active",
    group_id: null,
    tags: [],
    custom_fields: [],
    parent: null,
    codes: [],
    payout_method: "none",
    payout_email: "",
    iban: "",
    bic: "",
    payout_other: "",
    payout_currency: "",
    tax_status: "none",
    tax_form_expires: "",
    vat_id: "",
    tin: "",
    terms_version: "",
  };
}

/** A PartnerInput as the form; `parentName` names the parent when known. */
export function inputToForm(input: PartnerInput, parentName: string | null = null): PartnerForm {
  return {
    name: input.name,
    first_name: input.first_name,
    email: input.email,
    company: input.company,
    address: input.address,
    website: input.website,
    social_profiles: [...input.social_profiles],
    country: input.country,
    language: input.language,
    status: input.status,
    group_id: input.group_id,
    tags: [...input.tags],
    custom_fields: Object.entries(input.custom_fields).map(([key, value]) => ({ key, value })),
    parent: input.parent_id === null ? null : { id: input.parent_id, name: parentName ?? `Partner #${input.parent_id}` },
    codes: input.codes.map((c) => ({ kind: c.kind, code: c.code })),
    payout_method: input.payout.method,
    payout_email: input.payout.email,
    iban: input.payout.iban,
    bic: input.payout.bic,
    payout_other: input.payout.other,
    payout_currency: input.payout_currency,
    tax_status: input.tax.status,
    tax_form_expires: input.tax.form_expires,
    vat_id: input.tax.vat_id,
    tin: input.tax.tin,
    terms_version: input.terms_version,
  };
}

export function partnerToInput(p: Partner): PartnerInput {
  return {
    name: p.name,
    first_name: p.first_name,
    email: p.email,
    company: p.company,
    address: p.address,
    website: p.website,
    social_profiles: p.social_profiles,
    country: p.country,
    language: p.language,
    status: p.status,
    group_id: p.group_id,
    tags: p.tags,
    custom_fields: p.custom_fields,
    parent_id: p.parent_id,
    codes: p.codes,
    payout: p.payout,
    payout_currency: p.payout_currency,
    tax: p.tax,
    terms_version: p.terms_version,
  };
}

export function partnerToForm(p: Partner): PartnerForm {
  return inputToForm(partnerToInput(p), p.parent_name);
}

/** The whole record for partner_create / partner_update. */
export function formToInput(f: PartnerForm): PartnerInput {
  const custom: { [key: string]: string } = {};
  for (const row of f.custom_fields) {
    if (row.key.trim() === "" && row.value.trim() === "") continue;
    custom[row.key.trim()] = row.value;
  }
  return {
    name: f.name,
    first_name: f.first_name,
    email: f.email,
    company: f.company,
    address: f.address,
    website: f.website,
    social_profiles: f.social_profiles.filter((s) => s.trim() !== ""),
    country: f.country.trim().toUpperCase(),
    language: f.language,
    status: f.status,
    group_id: f.group_id,
    tags: f.tags,
    custom_fields: custom,
    parent_id: f.parent?.id ?? null,
    codes: f.codes.filter((c) => c.code.trim() !== "").map((c) => ({ kind: c.kind, code: c.code })),
    // Every payout field goes as typed: the core keeps what the method uses
    // (Wise an email and, optionally, an IBAN) and clears the rest.
    payout: { method: f.payout_method, email: f.payout_email, iban: f.iban, bic: f.bic, other: f.payout_other },
    payout_currency: f.payout_currency.trim().toUpperCase(),
    tax: { status: f.tax_status, form_expires: f.tax_form_expires, vat_id: f.vat_id, tin: takesTin(f.tax_status) ? f.tin : "" },
    terms_version: f.terms_version,
  };
}
