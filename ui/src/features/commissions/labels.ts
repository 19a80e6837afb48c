// Words and colours for commission states and kinds.

import type { CommissionState } from "../../bindings/CommissionState";
import type { Money } from "../../bindings/Money";
import type { PillTone } from "../../components/Pill";
import { humanizeField } from "../../lib/errors";

export const STATES: CommissionState[] = ["pending", "approved", "in_payout", "paid", "declined", "reversed"];

export const STATE_LABELS: Record<CommissionState, string> = {
  pending: "Pending",
  approved: "Approved",
  in_payout: "In payout",
  paid: "Paid",
  declined: "Declined",
  reversed: "Reversed",
};

const STATE_TONES: Record<CommissionState, PillTone> = {
  pending: "amber",
  approved: "blue",
  in_payout: "indigo",
  paid: "green",
  declined: "grey",
  reversed: "grey",
};

export function stateLabel(state: string): string {
  return (STATE_LABELS as Record<string, string>)[state] ?? humanizeField(state);
}

export function stateTone(state: string): PillTone {
  return (STATE_TONES as Record<string, PillTone>)[state] ?? "grey";
}

/** Only lines not yet in a payout can be declined by hand. */
export function canDecline(state: CommissionState): boolean {
  return state === "pending" || state === "approved";
}

/** Declined and reversed lines count nothing. */
export function isVoid(state: CommissionState): boolean {
  return state === "declined" || state === "reversed";
}

const KIND_LABELS: Record<string, string> = {
  commission: "Commission",
  two_tier: "Two-tier",
  bonus: "Bonus",
  reversal: "Reversal",
  clawback: "Clawback",
};

export const REINSTATED_TITLE = "A chargeback was reversed (dispute won): the commission it took is given back";

/**
 * A reversal or clawback line worth more than nothing: written when a
 * chargeback's reversal gives back what the chargeback took. Named by its
 * kind alone it would read "Reversal +$30.00", which looks like a mistake.
 */
export function isReinstated(kind: string, amount?: Money | null): boolean {
  return (kind === "reversal" || kind === "clawback") && !!amount && amount.minor > 0;
}

/** A line's kind in words; pass the amount so a reinstated line says so. */
export function kindLabel(kind: string, amount?: Money | null): string {
  if (isReinstated(kind, amount)) return "Reinstated";
  return KIND_LABELS[kind] ?? humanizeField(kind);
}

/** Why a line has its label, where the label alone does not say. */
export function kindTitle(kind: string, amount?: Money | null): string | undefined {
  return isReinstated(kind, amount) ? REINSTATED_TITLE : undefined;
}

export function kindTone(kind: string, amount?: Money | null): PillTone {
  // Money back to the partner, green like a won dispute on the conversions screen.
  if (isReinstated(kind, amount)) return "green";
  if (kind === "reversal" || kind === "clawback") return "red";
  if (kind === "bonus") return "violet";
  if (kind === "two_tier") return "blue";
  return "grey";
}
