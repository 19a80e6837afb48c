// The adjustment form: what is typed, checked before it is sent.

import type { AdjustmentKind } from "../../bindings/AdjustmentKind";
import type { PartnerRef } from "../../components/PartnerSearchSelect";

export type AdjustmentForm = {
  partner: PartnerRef | null;
  amount: string;
  /** "" lets the amount's sign decide: bonus when positive, clawback when negative. */
  kind: AdjustmentKind | "";
  reason: string;
};

export const EMPTY_ADJUSTMENT: AdjustmentForm = { partner: null, amount: "", kind: "", reason: "" };

export type AdjustmentErrors = Partial<Record<"partner" | "amount" | "kind" | "reason", string>>;

export type AdjustmentInput = { partnerId: number; amount: string; kind: AdjustmentKind | null; reason: string };

/** "20", "+20.5", "-5.00" → "20", "20.5", "-5.00"; null for anything else or zero. */
export function normalizeAmount(text: string): string | null {
  const t = text.trim().replace(/^\+/, "").replace(/\s/g, "");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  if (Number(t) === 0) return null;
  return t.endsWith(".") ? t.slice(0, -1) : t;
}

/** The adjustment to send, or what is wrong with each field. */
export function toAdjustment(f: AdjustmentForm): { input: AdjustmentInput } | { errors: AdjustmentErrors } {
  const errors: AdjustmentErrors = {};
  const amount = normalizeAmount(f.amount);
  if (!f.partner) errors.partner = "Choose the partner.";
  if (amount === null) errors.amount = f.amount.trim() ? "Enter an amount like 20.00 or -5.00, not zero." : "Enter the amount.";
  else if (f.kind === "bonus" && amount.startsWith("-")) errors.amount = "A bonus is a positive amount.";
  else if (f.kind === "clawback" && !amount.startsWith("-")) errors.amount = "A clawback is a negative amount.";
  if (!f.reason.trim()) errors.reason = "Say why: the reason is kept with the adjustment.";
  if (Object.keys(errors).length || !f.partner || amount === null) return { errors };
  return { input: { partnerId: f.partner.id, amount, kind: f.kind || null, reason: f.reason.trim() } };
}
