// Words and colours for payout runs, their lines, readiness checks and
// payment files; the default cut-off day of a new run.

import type { AdjustmentKind } from "../../bindings/AdjustmentKind";
import type { CoverageGroup } from "../../bindings/CoverageGroup";
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

/**
 * Readiness checks in the order their groups are listed, with a title each:
 * what needs a decision from the manager first (a shared account, changed
 * details), routine holds (below the minimum…) last.
 */
export const CHECK_TITLES: [check: string, title: string][] = [
  ["shared_account", "Same account on two partners"],
  ["line_rebuilt", "Lines rebuilt after a partner changed"],
  ["details_changed", "Payout details changed"],
  ["risk_hold", "Held by risk flags"],
  ["payout_method", "Payout method"],
  ["tax_form", "Tax forms"],
  ["fx", "Exchange rates"],
  ["onboarding", "Onboarding"],
  ["partner_status", "Partner status"],
  ["hold", "Held by you"],
  ["tax_form_expiring", "Tax forms expiring"],
  ["other", "Other"],
  ["negative_balance", "Negative balances"],
  ["below_minimum", "Below the minimum"],
  ["near_minimum", "Just below the minimum"],
  ["zero_balance", "Nothing to pay"],
];

/** Checks that hold a partner as a matter of course: listed last, folded to a count and a total. */
export const ROUTINE_CHECKS = new Set(["negative_balance", "below_minimum", "near_minimum", "zero_balance"]);

const CHECK_ORDER = new Map(CHECK_TITLES.map(([check], i) => [check, i]));
const TITLES = new Map(CHECK_TITLES);

/** A check's group title; checks this screen does not know are "Other". */
export function checkTitle(check: string): string {
  return TITLES.get(check) ?? "Other";
}

export type ReadinessGroup = {
  key: string;
  title: string;
  severity: Severity;
  /** Routine holds: shown folded, with what they carry forward. */
  routine: boolean;
  items: ReadinessItem[];
};

/**
 * Items grouped by check (unknown checks together under "Other") in the
 * checks' order: decisions first, routine holds last; items keep the order
 * they came in.
 */
export function groupReadiness(items: ReadinessItem[]): ReadinessGroup[] {
  const groups = new Map<string, ReadinessGroup>();
  for (const item of items) {
    const key = CHECK_ORDER.has(item.check) ? item.check : "other";
    let group = groups.get(key);
    if (!group) {
      group = { key, title: checkTitle(key), severity: "warning", routine: ROUTINE_CHECKS.has(key), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
    if (item.severity === "blocker") group.severity = "blocker";
  }
  return [...groups.values()].sort((a, b) => (CHECK_ORDER.get(a.key) ?? 999) - (CHECK_ORDER.get(b.key) ?? 999));
}

/** What a group's items carry forward, per currency: "1,234.00 EUR". */
export function groupTotalText(group: ReadinessGroup): string {
  const sums = new Map<string, number>();
  for (const item of group.items) sums.set(item.balance.currency, (sums.get(item.balance.currency) ?? 0) + item.balance.minor);
  return payTotalsText([...sums].map(([currency, minor]) => ({ currency, minor }) as Money));
}

export const FORMATS: PaymentFormat[] = ["paypal", "wise", "sepa", "csv", "manual"];

export const FORMAT_LABELS: Record<PaymentFormat, string> = { paypal: "PayPal", wise: "Wise", sepa: "SEPA XML", csv: "CSV", manual: "By hand" };

/**
 * How a coverage group is paid, in a sentence: "3 files to upload: PayPal
 * takes one currency per file", "1 file to upload", or, for what no
 * provider file pays, "not in any provider's file: pay these from your bank".
 * Wise also splits a currency by template: to an email, or to an IBAN.
 */
export function coverageText(group: CoverageGroup): string {
  if (group.format === "manual") return "not in any provider's file: pay these from your bank, with the list's references";
  if (group.files > 1 && group.format === "wise") {
    return `${formatCount(group.files)} files to upload: Wise takes one currency and one template (email or bank account) per file`;
  }
  if (group.files > 1) return `${formatCount(group.files)} files to upload: ${FORMAT_LABELS[group.format]} takes one currency per file`;
  return "1 file to upload";
}

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
