import { Channel, invoke } from "@tauri-apps/api/core";
import type { Announcement } from "../../bindings/Announcement";
import type { AnnouncementInput } from "../../bindings/AnnouncementInput";
import type { Audience } from "../../bindings/Audience";
import type { Decision } from "../../bindings/Decision";
import type { JobProgress } from "../../bindings/JobProgress";
import type { MailPreview } from "../../bindings/MailPreview";
import type { MailSettings } from "../../bindings/MailSettings";
import type { MailTemplate } from "../../bindings/MailTemplate";
import type { OutboxMessage } from "../../bindings/OutboxMessage";
import type { OutboxStatus } from "../../bindings/OutboxStatus";
import type { PasswordHome } from "../../bindings/PasswordHome";
import type { QueueReport } from "../../bindings/QueueReport";
import type { SendReport } from "../../bindings/SendReport";

/** What a template editor holds: the parts of a message, as typed. */
export type TemplateDraft = { subject: string; text_body: string; html_body: string };

export const mailApi = {
  settings: () => invoke<MailSettings>("mail_settings_get"),
  saveSettings: (settings: MailSettings) => invoke<MailSettings>("mail_settings_set", { settings }),
  /** Sends one message now with the saved settings; resolves with the server's reply ("250 Ok"). A null password uses the saved one. */
  sendTest: (to: string, password: string | null) => invoke<string>("mail_send_test", { to, password }),
  /** Keeps the SMTP password in the system keychain, or only for this session when there is none. */
  savePassword: (password: string) => invoke<PasswordHome>("mail_password_save", { password }),
  /** Whether a password is saved (in the keychain, or kept for this session): sending then needs none. */
  passwordSaved: () => invoke<boolean>("mail_password_saved"),
  forgetPassword: () => invoke<null>("mail_password_forget"),
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
  /** The newest `limit` messages, of one status and one payout run's statements when given. */
  outbox: (status: OutboxStatus | null, runId: number | null, limit: number) =>
    invoke<OutboxMessage[]>("mail_outbox", { status, runId, limit }),
  decide: (id: number, decision: Decision) => invoke<null>("mail_decide", { id, decision }),
  /** One email per partner paid in the run, with the statement attached; never twice. */
  queueStatements: (runId: number, onProgress: (p: JobProgress) => void) =>
    invoke<QueueReport>("mail_queue_statements", { runId, onProgress: new Channel<JobProgress>(onProgress) }),
  /** Sends what is due. A password given is passed through, never kept; null uses the saved one. */
  send: (password: string | null, onProgress: (p: JobProgress) => void) =>
    invoke<SendReport>("mail_send", { password, onProgress: new Channel<JobProgress>(onProgress) }),
  /** Who an audience is, in words, and how many active partners it reaches now. */
  audience: (audience: Audience) => invoke<[string, number]>("mail_audience", { audience }),
  /** Queues one email per active partner of the audience, made from the announcement's own text. */
  announce: (input: AnnouncementInput) => invoke<Announcement>("mail_announce", { input }),
  /** Past announcements, newest first, with how many copies have gone. */
  announcements: () => invoke<Announcement[]>("mail_announcements"),
  cancelJob: () => invoke<null>("job_cancel"),
};
