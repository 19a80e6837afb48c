import { Channel, invoke } from "@tauri-apps/api/core";
import type { Decision } from "../../bindings/Decision";
import type { JobProgress } from "../../bindings/JobProgress";
import type { MailPreview } from "../../bindings/MailPreview";
import type { MailSettings } from "../../bindings/MailSettings";
import type { MailTemplate } from "../../bindings/MailTemplate";
import type { OutboxMessage } from "../../bindings/OutboxMessage";
import type { OutboxStatus } from "../../bindings/OutboxStatus";
import type { QueueReport } from "../../bindings/QueueReport";
import type { SendReport } from "../../bindings/SendReport";

/** What a template editor holds: the parts of a message, as typed. */
export type TemplateDraft = { subject: string; text_body: string; html_body: string };

export const mailApi = {
  settings: () => invoke<MailSettings>("mail_settings_get"),
  saveSettings: (settings: MailSettings) => invoke<MailSettings>("mail_settings_set", { settings }),
  /** Sends one message now with the saved settings; resolves with the server's reply ("250 Ok"). */
  sendTest: (to: string, password: string | null) => invoke<string>("mail_send_test", { to, password }),
  templates: () => invoke<MailTemplate[]>("mail_templates_list"),
  saveTemplate: (name: string, d: TemplateDraft) =>
    invoke<MailTemplate>("mail_template_save", { name, subject: d.subject, textBody: d.text_body, htmlBody: d.html_body }),
  /** What a partner (the first one when null) would receive from an unsaved template. */
  preview: (name: string, d: TemplateDraft, partnerId: number | null) =>
    invoke<MailPreview>("mail_template_preview", {
      name,
      subject: d.subject,
      textBody: d.text_body,
      htmlBody: d.html_body,
      partnerId,
    }),
  /** Newest first; every status when `status` is null. */
  outbox: (status: OutboxStatus | null, limit: number) => invoke<OutboxMessage[]>("mail_outbox", { status, limit }),
  decide: (id: number, decision: Decision) => invoke<null>("mail_decide", { id, decision }),
  /** One email per partner paid in the run, with the statement attached; never twice. */
  queueStatements: (runId: number, onProgress: (p: JobProgress) => void) =>
    invoke<QueueReport>("mail_queue_statements", { runId, onProgress: new Channel<JobProgress>(onProgress) }),
  /** Sends what is due. The password is passed through, never kept. */
  send: (password: string | null, onProgress: (p: JobProgress) => void) =>
    invoke<SendReport>("mail_send", { password, onProgress: new Channel<JobProgress>(onProgress) }),
  cancelJob: () => invoke<null>("job_cancel"),
};
