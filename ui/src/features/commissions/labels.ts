// Words and colours for commission states and kinds.

import type { CommissionState } from "../../bindings/CommissionState";
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

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? humanizeField(kind);
}

export function kindTone(kind: string): PillTone {
  if (kind === "reversal" || kind === "clawback") return "red";
  if (kind === "bonus") return "violet";
  if (kind === "two_tier") return "blue";
  return "grey";
}
