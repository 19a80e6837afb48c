import type { MailTemplate } from "../../bindings/MailTemplate";
import type { TemplateDraft } from "./api";

export type { TemplateDraft };

/** The parts of a template the editor changes; errors name them the same way. */
export type TemplateField = keyof TemplateDraft;

export type TemplateErrors = Partial<Record<TemplateField, string>>;

const FIELDS: TemplateField[] = ["subject", "text_body", "html_body"];

/** Labels for the core's field names, in messages. */
export const TEMPLATE_LABELS: Record<string, string> = {
  subject: "Subject",
  text_body: "Plain text",
  html_body: "HTML",
  partner: "Preview",
};

export function templateFieldOf(field: string): TemplateField | null {
  return (FIELDS as string[]).includes(field) ? (field as TemplateField) : null;
}

export function draftOf(t: MailTemplate): TemplateDraft {
  return { subject: t.subject, text_body: t.text_body, html_body: t.html_body };
}

export function sameDraft(a: TemplateDraft, b: TemplateDraft): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

/** `text` put in place of value[start, end): the new value and where the cursor goes. */
export function insertAt(value: string, start: number, end: number, text: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
