import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { Step } from "../../bindings/Step";
import { formatCount, plural } from "../../lib/format";

/** The steps in the order partners usually do them. */
export const STEPS: Step[] = ["terms", "tax_form", "payout_details", "welcome_kit"];

export const STEP_LABELS: Record<Step, string> = {
  terms: "Terms",
  tax_form: "Tax form",
  payout_details: "Payout details",
  welcome_kit: "Welcome kit",
};

export type Column = { key: Step | "done"; label: string; rows: OnboardingRow[] };

/** Longest waiting first, then by name. */
export function byWaiting(a: OnboardingRow, b: OnboardingRow): number {
  return (b.days_waiting ?? -1) - (a.days_waiting ?? -1) || a.name.localeCompare(b.name);
}

/** The board: one column per step partners are stuck on, and Done for the complete ones (when shown). */
export function columns(rows: OnboardingRow[], showDone: boolean): Column[] {
  const out: Column[] = STEPS.map((step) => ({
    key: step,
    label: STEP_LABELS[step],
    rows: rows.filter((r) => !r.complete && r.stuck_on === step).sort(byWaiting),
  }));
  if (showDone) {
    out.push({ key: "done", label: "Done", rows: rows.filter((r) => r.complete).sort((a, b) => a.name.localeCompare(b.name)) });
  }
  return out;
}

/** "waiting 12 days", "approved today"; nothing once complete. */
export function waitingText(days: number | null): string {
  if (days === null) return "";
  return days === 0 ? "approved today" : `waiting ${plural(days, "day")}`;
}

/** What the step the partner is stuck on still needs, with how many other steps are open. */
export function missingText(row: OnboardingRow): string {
  const open = row.steps.filter((s) => !s.done);
  if (open.length === 0) return "All done";
  const first = row.steps.find((s) => s.step === row.stuck_on) ?? open[0];
  const more = open.length - 1;
  return more > 0 ? `${first.detail} · ${formatCount(more)} more to do` : first.detail;
}

export function remindText(n: number): string {
  return n === 0 ? "No reminder queued: nobody has waited that long, or they were reminded recently." : `${plural(n, "reminder")} queued in the Outbox`;
}
