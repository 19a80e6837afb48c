import type { OnboardingChange } from "../../bindings/OnboardingChange";
import type { TaxStatus } from "../../bindings/TaxStatus";

export type TaxKind = Exclude<TaxStatus, "none">;

export const TAX_KINDS: { value: TaxKind; label: string }[] = [
  { value: "w9", label: "W-9 (US person)" },
  { value: "w8ben", label: "W-8BEN (outside the US)" },
  { value: "vat", label: "VAT id (EU business)" },
];

export type TaxDraft = { kind: TaxKind; expires: string; vatId: string; tin: string };

export type TaxErrors = { expires?: string; vatId?: string; tin?: string };

/** The forms that carry a TIN. */
export function takesTin(kind: TaxKind): boolean {
  return kind === "w9" || kind === "w8ben";
}

/**
 * The change to record, or what is missing: a W-8BEN needs its expiry day,
 * VAT its id. The TIN is optional; left empty it is not sent, so one on
 * file stays.
 */
export function taxChange(d: TaxDraft): { change: Partial<OnboardingChange> } | { errors: TaxErrors } {
  const tin = takesTin(d.kind) && d.tin.trim() ? { tin: d.tin.trim() } : {};
  if (d.kind === "w8ben") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.expires)) return { errors: { expires: "Enter the day the W-8BEN expires." } };
    return { change: { tax_form: "w8ben", tax_form_expires: d.expires, ...tin } };
  }
  if (d.kind === "vat") {
    const id = d.vatId.trim().replace(/\s+/g, "").toUpperCase();
    if (!id) return { errors: { vatId: "Enter the VAT id, like DE123456789." } };
    return { change: { tax_form: "vat", vat_id: id } };
  }
  return { change: { tax_form: "w9", ...tin } };
}

export function taxFieldOf(field: string): keyof TaxErrors | null {
  if (field === "tax_form_expires" || field === "form_expires") return "expires";
  if (field === "vat_id") return "vatId";
  if (field === "tin") return "tin";
  return null;
}
