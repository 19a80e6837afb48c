// Words for what the conversions screen shows: kinds, attribution methods,
// presets and import fields, and the stored timestamps.

import type { AttributionMethod } from "../../bindings/AttributionMethod";
import type { Conversion } from "../../bindings/Conversion";
import type { ConversionKind } from "../../bindings/ConversionKind";
import type { PresetName } from "../../bindings/PresetName";
import type { PillTone } from "../../components/Pill";
import { humanizeField } from "../../lib/errors";

export const KINDS: ConversionKind[] = ["sale", "recurring", "refund", "chargeback", "chargeback_reversal", "trial", "signup", "lead", "click"];

export const KIND_LABELS: Record<ConversionKind, string> = {
  click: "Clicks",
  lead: "Lead",
  signup: "Signup",
  trial: "Trial",
  sale: "Sale",
  recurring: "Recurring",
  refund: "Refund",
  chargeback: "Chargeback",
  // A dispute the business won: the chargeback's money came back.
  chargeback_reversal: "Chargeback reversed",
};

/** A kind in a table cell; only labels too wide for one are shortened. */
export function kindShortLabel(kind: ConversionKind): string {
  return kind === "chargeback_reversal" ? "Reversal won" : (KIND_LABELS[kind] ?? kind);
}

export function kindTone(kind: ConversionKind): PillTone {
  if (kind === "refund" || kind === "chargeback") return "red";
  // Money coming in again, like a sale's.
  if (kind === "sale" || kind === "chargeback_reversal") return "green";
  if (kind === "recurring") return "blue";
  return "grey";
}

export const ATTRIBUTION_LABELS: Record<AttributionMethod, string> = {
  referral_code: "Referral code",
  coupon: "Coupon",
  link: "Link",
  partner_key: "Partner key",
  customer: "Customer's partner",
  touch: "Earlier visit (cookie)",
  original: "Original sale",
  none: "None",
};

/** How a conversion found its partner, in words; unknown methods as written. */
export function attributionLabel(method: string): string {
  return (ATTRIBUTION_LABELS as Record<string, string>)[method] ?? humanizeField(method);
}

/** What the file said that could have named a partner, for unattributed rows. */
export function fileEvidence(c: Pick<Conversion, "referral_code" | "coupon_code" | "link_id" | "partner_key">): string {
  const parts: string[] = [];
  if (c.referral_code.trim()) parts.push(`referral “${c.referral_code.trim()}”`);
  if (c.coupon_code.trim()) parts.push(`coupon “${c.coupon_code.trim()}”`);
  if (c.link_id.trim()) parts.push(`link “${c.link_id.trim()}”`);
  if (c.partner_key.trim()) parts.push(`partner key “${c.partner_key.trim()}”`);
  if (!parts.length) return "No referral, coupon, link or partner key in the file";
  return `${parts.join(", ")}: no partner has it`;
}

/** A stored timestamp as "YYYY-MM-DD HH:MM" in UTC; plain days and odd text as they are. */
export function formatStamp(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

export const PRESETS: { value: PresetName; label: string }[] = [
  { value: "stripe", label: "Stripe payments export" },
  { value: "shopify", label: "Shopify orders export" },
  { value: "paypal", label: "PayPal activity download" },
  { value: "partnerstack", label: "PartnerStack transactions" },
  { value: "generic", label: "Generic" },
];

export function presetLabel(preset: PresetName): string {
  return PRESETS.find((p) => p.value === preset)?.label ?? preset;
}

const FIELD_LABELS: Record<string, string> = {
  external_id: "External id",
  kind: "Kind",
  occurred_at: "Date",
  amount: "Amount",
  currency: "Currency",
  quantity: "Quantity",
  product: "Product",
  customer_id: "Customer id",
  customer_email: "Customer email",
  referral_code: "Referral code",
  coupon_code: "Coupon code",
  link_id: "Link id",
  partner_key: "Partner key",
  original_external_id: "Original sale id",
  customer_email_to: "Recipient email",
  refunded_amount: "Refunded amount",
  refunded_at: "Refunded at",
  time_zone: "Time zone",
  balance_impact: "Balance impact",
  created_at: "Created at",
  cancelled_at: "Cancelled at",
};

/** An import field's name in words: "occurred_at" → "Date". */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? humanizeField(field);
}
