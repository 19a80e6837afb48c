import { useRef } from "react";
import { Field } from "../../components/Field";
import { PlaceholderChips } from "./PlaceholderChips";
import { insertAt, type TemplateDraft, type TemplateField } from "./templateDraft";

type Props = {
  /** Prefix of the fields' ids and test ids: "template" gives template-subject, template-text… */
  idPrefix: string;
  draft: TemplateDraft;
  /** The error to show under a field, if any. */
  errorOf: (field: TemplateField) => string | undefined;
  placeholders: string[];
  onChange: (field: TemplateField, value: string) => void;
  textRows?: number;
};

/**
 * A message's three parts: subject, plain text and optional HTML, with the
 * placeholders to put where the cursor was in the field last used.
 */
export function MessageFields({ idPrefix, draft, errorOf, placeholders, onChange, textRows = 10 }: Props) {
  const fields = {
    subject: useRef<HTMLInputElement>(null),
    text_body: useRef<HTMLTextAreaElement>(null),
    html_body: useRef<HTMLTextAreaElement>(null),
  };
  const lastField = useRef<TemplateField | null>(null);
  const id = (field: TemplateField) => `${idPrefix}-${field}`;
  const errorTestId = `${idPrefix}-error`;

  const insert = (placeholder: string) => {
    const field = lastField.current ?? "text_body";
    const el = fields[field].current;
    const value = draft[field];
    const at = lastField.current && el ? [el.selectionStart ?? value.length, el.selectionEnd ?? value.length] : [value.length, value.length];
    const next = insertAt(value, at[0], at[1], placeholder);
    onChange(field, next.value);
    window.requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  const common = (field: TemplateField) => ({
    id: id(field),
    className: "input",
    value: draft[field],
    spellCheck: field !== "html_body",
    "aria-invalid": !!errorOf(field) || undefined,
    onFocus: () => (lastField.current = field),
  });

  return (
    <>
      <Field label="Subject" htmlFor={id("subject")} error={errorOf("subject")} errorTestId={errorTestId}>
        <input {...common("subject")} ref={fields.subject} onChange={(e) => onChange("subject", e.target.value)} data-testid={`${idPrefix}-subject`} />
      </Field>
      <PlaceholderChips placeholders={placeholders} onInsert={insert} />
      <Field label="Plain text" htmlFor={id("text_body")} error={errorOf("text_body")} errorTestId={errorTestId} hint="Every message has it.">
        <textarea
          {...common("text_body")}
          ref={fields.text_body}
          rows={textRows}
          onChange={(e) => onChange("text_body", e.target.value)}
          data-testid={`${idPrefix}-text`}
        />
      </Field>
      <Field
        label="HTML"
        htmlFor={id("html_body")}
        error={errorOf("html_body")}
        errorTestId={errorTestId}
        hint="Optional: mail programs that show HTML show this instead of the plain text."
      >
        <textarea
          {...common("html_body")}
          ref={fields.html_body}
          className="input em-code"
          rows={8}
          onChange={(e) => onChange("html_body", e.target.value)}
          data-testid={`${idPrefix}-html`}
        />
      </Field>
    </>
  );
}
