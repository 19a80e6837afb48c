// Words and colours for payout runs, their lines, readiness checks and
// payment files; the default cut-off day of a new run.

import type { AdjustmentKind } from "../../bindings/AdjustmentKind";
import type { Money } from "../../bindings/Money";
import type { PaymentFormat } from "../../bindings/PaymentFormat";
import type { PayoutStatus } from "../../bindings/PayoutStatus";
import type { ReadinessItem } from "../../bindings/ReadinessItem";
import type { RunStatus } from "../../bindings/RunStatus";
import type { Severity } from "../../bindings/Severity";
import type { PillTone } from "../../components/Pill";
import { humanizeField } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { lastMonth, periodDays } from "../whatif/period";

export const RUN_STATUS_LABELS: Record<RunStatus, string> = { draft: "Draft", approved: "Approved", discarded: "Discarded" };

const RUN_STATUS_TONES: Record<RunStatus, PillTone> = { draft: "amber", approved: "green", discarded: "grey" };

export function runStatusLabel(status: string): string {
  return (RUN_STATUS_LABELS as Record<string, string>)[status] ?? humanizeField(status);
}

export function runStatusTone(status: string): PillTone {
  return (RUN_STATUS_TONES as Record<string, PillTone>)[status] ?? "grey";
}

/** A line's state: "draft" is a line a draft run will pay. */
export const LINE_STATUS_LABELS: Record<PayoutStatus, string> = {
  draft: "To pay",
  held: "Held",
  pending: "Pending",
  paid: "Paid",
  failed: "Failed",
};

const LINE_STATUS_TONES: Record<PayoutStatus, PillTone> = {
  draft: "indigo",
  held: "amber",
  pending: "blue",
  paid: "green",
  failed: "red",
};

export function lineStatusLabel(status: string): string {
  return (LINE_STATUS_LABELS as Record<string, string>)[status] ?? humanizeField(status);
}

export function lineStatusTone(status: string): PillTone {
  return (LINE_STATUS_TONES as Record<string, PillTone>)[status] ?? "grey";
}

const METHOD_LABELS: Record<string, string> = {
  paypal: "PayPal",
  wise: "Wise",
  iban: "Bank transfer",
  other: "Other",
  none: "No method",
};

/** How a line is paid, in words; "" for none recorded. */
export function methodLabel(method: string): string {
  if (!method) return "";
  return METHOD_LABELS[method] ?? humanizeField(method);
}

export const ADJUSTMENT_KINDS: AdjustmentKind[] = ["bonus", "correction", "clawback"];

export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, string> = { bonus: "Bonus", correction: "Correction", clawback: "Clawback" };

export function adjustmentKindTone(kind: AdjustmentKind): PillTone {
  return kind === "bonus" ? "violet" : kind === "clawback" ? "red" : "grey";
}

/** Readiness checks in the order their groups are listed, with a title each. */
export const CHECK_TITLES: [check: string, title: string][] = [
  ["tax_form", "Tax forms"],
  ["payout_method", "Payout method"],
  ["onboarding", "Onboarding"],
  ["hold", "Held by you"],
  ["negative_balance", "Negative balances"],
  ["below_minimum", "Below the minimum"],
  ["near_minimum", "Just below the minimum"],
  ["fx", "Exchange rates"],
  ["details_changed", "Payout details changed"],
  ["shared_account", "Same account on two partners"],
  ["tax_form_expiring", "Tax forms expiring"],
  ["partner_status", "Partner status"],
  ["zero_balance", "Nothing to pay"],
  ["other", "Other"],
];

const CHECK_ORDER = new Map(CHECK_TITLES.map(([check], i) => [check, i]));
const TITLES = new Map(CHECK_TITLES);

/** A check's group title; checks this screen does not know are "Other". */
export function checkTitle(check: string): string {
  return TITLES.get(check) ?? "Other";
}

export type ReadinessGroup = { key: string; title: string; severity: Severity; items: ReadinessItem[] };

/**
 * Items grouped by check (unknown checks together under "Other"): groups
 * with a blocker first, then warnings, each in the checks' own order; items
 * keep the order they came in.
 */
export function groupReadiness(items: ReadinessItem[]): ReadinessGroup[] {
  const groups = new Map<string, ReadinessGroup>();
  for (const item of items) {
    const key = CHECK_ORDER.has(item.check) ? item.check : "other";
    let group = groups.get(key);
    if (!group) {
      group = { key, title: checkTitle(key), severity: "warning", items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
    if (item.severity === "blocker") group.severity = "blocker";
  }
  const rank = (g: ReadinessGroup) => (g.severity === "blocker" ? 0 : 1000) + (CHECK_ORDER.get(g.key) ?? 999);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

export const FORMATS: PaymentFormat[] = ["paypal", "wise", "sepa", "csv"];

export const FORMAT_LABELS: Record<PaymentFormat, string> = { paypal: "PayPal", wise: "Wise", sepa: "SEPA XML", csv: "CSV" };

export function formatExtension(format: PaymentFormat): "xml" | "csv" {
  return format === "sepa" ? "xml" : "csv";
}

/** The file name offered when exporting: "payout-run-3-paypal.csv", "payout-run-3-sepa.xml". */
export function exportFileName(runId: number, format: PaymentFormat): string {
  return `payout-run-${runId}-${format}.${formatExtension(format)}`;
}

/** A size in whole kilobytes, rounded up so a small file is never "0 KB": "12 KB". */
export function kilobytesText(bytes: number): string {
  return `${formatCount(Math.ceil(bytes / 1024))} KB`;
}

/** The cut-off a new run offers: the last day of the month before today's. */
export function defaultThrough(now: Date = new Date()): string {
  return periodDays(lastMonth(now))[1];
}

/** The first 12 hex digits, enough to tell runs apart in a list. */
export function shortFingerprint(fingerprint: string | null): string {
  return fingerprint ? fingerprint.slice(0, 12) : "";
}

/** What leaves the account, one amount per currency: "$1,200.00 + €300.00". */
export function payTotalsText(totals: Money[]): string {
  return totals.length ? totals.map((m) => formatMoney(m)).join(" + ") : "Nothing";
}

/** The run an error says is still a draft ("run #4 is still a draft: …"), or null. */
export function draftInTheWay(message: string): number | null {
  const m = /run #(\d+) is still a draft/.exec(message);
  return m ? Number(m[1]) : null;
}

export type Step = "preview" | "readiness" | "adjustments" | "approve" | "export" | "paying";

export const STEP_LABELS: Record<Step, string> = {
  preview: "Preview",
  readiness: "Readiness",
  adjustments: "Adjustments",
  approve: "Approve",
  export: "Export",
  paying: "Mark paid",
};

/** The wizard's steps: a draft is checked then approved; an approved run is exported then settled. */
export function runSteps(status: RunStatus): Step[] {
  if (status === "draft") return ["preview", "readiness", "adjustments", "approve"];
  if (status === "approved") return ["export", "paying"];
  return ["preview"];
}
