// The announcement being written: who it goes to, as picked, and its text.

import type { Audience } from "../../bindings/Audience";
import type { MailTemplate } from "../../bindings/MailTemplate";
import { plural } from "../../lib/format";
import { draftOf, templateFieldOf, type TemplateDraft, type TemplateField } from "./templateDraft";

export type AudienceKind = Audience["kind"];

/** The audience as the picker holds it: the group and the tag are kept while another kind is on. */
export type AudienceChoice = { kind: AudienceKind; groupId: number | null; tag: string };

export type AnnouncementDraft = { message: TemplateDraft; audience: AudienceChoice };

/** The fields a refusal of mail_announce can name. */
export type AnnouncementField = TemplateField | "audience";

export type AnnouncementErrors = Partial<Record<AnnouncementField, string>>;

export const ANNOUNCEMENT_LABELS: Record<string, string> = {
  subject: "Subject",
  text_body: "Plain text",
  html_body: "HTML",
  audience: "Audience",
  partner: "Preview",
};

export const EVERYONE: AudienceChoice = { kind: "all", groupId: null, tag: "" };

/** A new announcement: the announcement template's text, to every active partner. */
export function newAnnouncement(template: MailTemplate | null, audience: AudienceChoice = EVERYONE): AnnouncementDraft {
  return { message: template ? draftOf(template) : { subject: "", text_body: "", html_body: "" }, audience };
}

/** The audience to ask about, or null until a group is chosen or a tag typed. */
export function audienceOf(choice: AudienceChoice): Audience | null {
  switch (choice.kind) {
    case "all":
      return { kind: "all" };
    case "group":
      return choice.groupId === null ? null : { kind: "group", id: choice.groupId };
    case "tag": {
      const name = choice.tag.trim();
      return name ? { kind: "tag", name } : null;
    }
  }
}

/** What the audience still needs before it can be counted. */
export function audienceMissing(choice: AudienceChoice): string | null {
  if (audienceOf(choice)) return null;
  return choice.kind === "group" ? "Choose a group." : "Enter a tag.";
}

export function announcementFieldOf(field: string): AnnouncementField | null {
  return field === "audience" ? "audience" : templateFieldOf(field);
}

/** "Reaches 12 active partners". */
export function reachText(count: number): string {
  return count === 0 ? "Reaches no active partners" : `Reaches ${plural(count, "active partner")}`;
}

/** The queue button: "Queue for 12 partners". */
export function queueLabel(count: number | null): string {
  return count === null ? "Queue for the audience" : `Queue for ${plural(count, "partner")}`;
}

/** What the person is told once queued. */
export function queuedText(subject: string, recipients: number): string {
  return (
    `\u201c${subject}\u201d is queued for ${plural(recipients, "partner")}. ` +
    `It is in the Outbox: press Send now there to send it.`
  );
}
