// Words and colours for the outbox, its decisions and the templates; the
// summaries of a send and of queueing a run's statements.

import type { Decision } from "../../bindings/Decision";
import type { OutboxStatus } from "../../bindings/OutboxStatus";
import type { QueueReport } from "../../bindings/QueueReport";
import type { SendReport } from "../../bindings/SendReport";
import type { PillTone } from "../../components/Pill";
import { humanizeField } from "../../lib/errors";
import { formatCount, plural } from "../../lib/format";

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  unknown: "Unknown",
  cancelled: "Cancelled",
};

const OUTBOX_STATUS_TONES: Record<OutboxStatus, PillTone> = {
  queued: "blue",
  sending: "indigo",
  sent: "green",
  failed: "red",
  unknown: "amber",
  cancelled: "grey",
};

export function outboxStatusLabel(status: string): string {
  return (OUTBOX_STATUS_LABELS as Record<string, string>)[status] ?? humanizeField(status);
}

export function outboxStatusTone(status: string): PillTone {
  return (OUTBOX_STATUS_TONES as Record<string, PillTone>)[status] ?? "grey";
}

/** The outbox's filter tabs, "all" first. */
export const OUTBOX_FILTERS: (OutboxStatus | "all")[] = ["all", "queued", "sent", "failed", "unknown", "cancelled"];

export type DecisionAction = { decision: Decision; label: string };

/** What the manager may decide about a message in this state, the likely choice first. */
export function decisionsFor(status: OutboxStatus): DecisionAction[] {
  switch (status) {
    case "unknown":
      return [
        { decision: "mark_sent", label: "It was sent" },
        { decision: "retry", label: "Send again" },
      ];
    case "failed":
      return [
        { decision: "retry", label: "Retry" },
        { decision: "cancel", label: "Cancel" },
      ];
    case "queued":
      return [{ decision: "cancel", label: "Cancel" }];
    default:
      return [];
  }
}

/** The toast after a decision about the message to `to`. */
export function decisionDoneText(decision: Decision, to: string): string {
  if (decision === "mark_sent") return `Marked the message to ${to} as sent.`;
  if (decision === "retry") return `The message to ${to} is queued again: it goes with the next Send now.`;
  return `Cancelled the message to ${to}: it will not be sent.`;
}

/** "3 sent, 1 failed, 0 to retry later". */
export function sendReportText(r: SendReport): string {
  return `${formatCount(r.sent)} sent, ${formatCount(r.failed)} failed, ${formatCount(r.deferred)} to retry later`;
}

/** Why "unknown" messages need a decision, for the banner after a send. */
export function unknownText(unknown: number): string {
  const them = unknown === 1 ? "it" : "them";
  return (
    `${plural(unknown, "message")} may or may not have gone: an earlier sending stopped while ${unknown === 1 ? "it was" : "they were"} ` +
    `with the server. Check your mail server's sent folder, then decide for each under Unknown: \u201cIt was sent\u201d, or \u201cSend again\u201d ` +
    `if you are sure ${them} did not arrive.`
  );
}

/** "12 queued (3 were already in the outbox)". */
export function queueReportText(r: QueueReport): string {
  return `${formatCount(r.queued)} queued (${formatCount(r.already)} ${r.already === 1 ? "was" : "were"} already in the outbox)`;
}

const TEMPLATES: Record<string, { label: string; description: string }> = {
  statement: { label: "Statement", description: "Sent with each partner's PDF statement after a payout run." },
  announcement: { label: "Announcement", description: "News for your partners, with their own details filled in." },
};

export function templateLabel(name: string): string {
  return TEMPLATES[name]?.label ?? humanizeField(name);
}

export function templateDescription(name: string): string {
  return TEMPLATES[name]?.description ?? "";
}

/** Why a saved password will not outlive this session: the system has no keychain. */
export function noKeychainText(reason: string): string {
  return (
    `No system keychain is available (${reason}). The password is kept only until Partnerbook closes; ` +
    `you will be asked again next time.`
  );
}
