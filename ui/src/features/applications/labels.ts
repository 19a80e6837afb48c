import type { Application } from "../../bindings/Application";
import type { ApplicationStatus } from "../../bindings/ApplicationStatus";
import type { CheckResult } from "../../bindings/CheckResult";
import type { CheckSeverity } from "../../bindings/CheckSeverity";
import type { DecisionReport } from "../../bindings/DecisionReport";
import type { IntakeReport } from "../../bindings/IntakeReport";
import type { ScreenReport } from "../../bindings/ScreenReport";
import type { PillTone } from "../../components/Pill";
import { formatCount, plural } from "../../lib/format";

/** Every automatic check, in the order screening runs them, with its label. */
export const CHECKS: { id: string; label: string }[] = [
  { id: "duplicate_email", label: "Email of an existing partner" },
  { id: "duplicate_domain", label: "Website of an existing partner" },
  { id: "duplicate_payout_account", label: "Payout account of an existing partner" },
  { id: "disposable_email", label: "Disposable email address" },
  { id: "free_mail", label: "Free-mail address for a business program" },
  { id: "blocked_country", label: "Blocked country" },
  { id: "missing_website", label: "Missing website" },
  { id: "website_looks_unreachable", label: "Website looks unreachable" },
  { id: "own_domain", label: "Uses our own domain" },
  { id: "known_customer", label: "A customer of ours (self-referral risk)" },
  { id: "spam_patterns", label: "Spam or abuse in the answers" },
  { id: "country_not_targeted", label: "Country outside the program's markets" },
  { id: "audience_below_minimum", label: "Audience below the minimum" },
  { id: "category_not_targeted", label: "Categories outside the program's" },
];

const CHECK_LABELS: Record<string, string> = Object.fromEntries(CHECKS.map((c) => [c.id, c.label]));

/** The check's label; an id the app does not know yet is shown readable. */
export function checkLabel(id: string): string {
  return CHECK_LABELS[id] ?? id.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

export const STATUS_LABELS: Record<ApplicationStatus, string> = { pending: "Pending", approved: "Approved", rejected: "Rejected" };

export function statusTone(status: ApplicationStatus): PillTone {
  return status === "pending" ? "amber" : status === "approved" ? "green" : "grey";
}

export const SORTS = [
  { value: "score", label: "Best score first" },
  { value: "score_asc", label: "Lowest score first" },
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
] as const;

export type Sort = (typeof SORTS)[number]["value"];

/** Green from 80, amber from 50, red below; grey until screened. */
export function scoreTone(score: number | null): PillTone {
  if (score === null) return "grey";
  if (score >= 80) return "green";
  if (score >= 50) return "amber";
  return "red";
}

export function flagCounts(a: Pick<Application, "checks" | "red_flags">): { red: number; amber: number } {
  const red = Math.max(a.red_flags, a.checks.filter((c) => c.severity === "red").length);
  return { red, amber: a.checks.filter((c) => c.severity === "amber").length };
}

export const SEVERITIES: CheckSeverity[] = ["red", "amber", "pass"];

export const SEVERITY_LABELS: Record<CheckSeverity, string> = { red: "Red flags", amber: "Look closer", pass: "Passed" };

/** The checks by severity, red first; each group in screening order. */
export function groupChecks(checks: CheckResult[]): { severity: CheckSeverity; checks: CheckResult[] }[] {
  return SEVERITIES.map((severity) => ({ severity, checks: checks.filter((c) => c.severity === severity) })).filter((g) => g.checks.length > 0);
}

/** "12 rows: 8 new, 3 merged into earlier applications, 1 auto-approved." */
export function intakeText(r: IntakeReport): string {
  const parts = [`${formatCount(r.created)} new`, `${formatCount(r.merged)} merged into earlier applications`];
  if (r.auto_approved > 0) parts.push(`${formatCount(r.auto_approved)} auto-approved`);
  return `${plural(r.rows, "row")} read: ${parts.join(", ")}.`;
}

/** "3 approved; 3 welcome emails queued". */
export function decisionText(kind: "approved" | "rejected", r: DecisionReport): string {
  const mail = kind === "approved" ? "welcome email" : "rejection email";
  return `${formatCount(r.decided)} ${kind}; ${plural(r.emails_queued, mail)} queued`;
}

export function screenText(r: ScreenReport): string {
  if (r.screened === 0) return "No pending application to screen.";
  return `Screened ${plural(r.screened, "application")}; ${formatCount(r.flagged)} with a red flag.`;
}

/** "Audience 12,000" style: a number, or "Not given". */
export function audienceText(n: number | null): string {
  return n === null ? "Not given" : formatCount(n);
}

/** What adding one application by hand did. */
export function addedText(r: IntakeReport): string {
  if (r.auto_approved > 0) return "Application added, and auto-approved: its score is high and no check is red.";
  if (r.merged > 0) return "Added to this applicant's earlier application, as a new submission.";
  return "Application added and screened.";
}
