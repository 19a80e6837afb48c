import { useState, type FormEvent } from "react";
import type { MailTemplate } from "../../bindings/MailTemplate";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { PartnerSearchSelect, type PartnerRef } from "../../components/PartnerSearchSelect";
import { useToast } from "../../components/Toast";
import { formRefusal } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { mailApi } from "./api";
import { templateLabel } from "./labels";
import { MessageFields } from "./MessageFields";
import { draftOf, sameDraft, TEMPLATE_LABELS, templateFieldOf, type TemplateDraft, type TemplateErrors, type TemplateField } from "./templateDraft";
import { TemplatePreview } from "./TemplatePreview";
import { useTemplatePreview } from "./useTemplatePreview";

type Props = {
  /** The template as last saved. */
  base: MailTemplate;
  draft: TemplateDraft;
  onChange: (draft: TemplateDraft) => void;
  onSaved: (template: MailTemplate) => void;
  /** Whose details the preview uses; the first partner when null. */
  partner: PartnerRef | null;
  onPartner: (partner: PartnerRef | null) => void;
};

/** One template: subject, plain text and HTML with placeholders, a live preview, and Save. */
export function TemplateEditor({ base, draft, onChange, onSaved, partner, onPartner }: Props) {
  const toast = useToast();
  const [errors, setErrors] = useState<TemplateErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { ref: formRef, refused } = useRefusalFocus<HTMLFormElement>();
  const preview = useTemplatePreview(base.name, draft, partner?.id ?? null);
  const dirty = !sameDraft(draft, draftOf(base));
  // A refused save names its field; until then the preview reports the same checks as you type.
  const errorOf = (f: TemplateField) => errors[f] ?? preview.errors[f];
  const waiting = Object.keys(preview.errors).length > 0 ? "The preview waits for the field marked in red." : null;

  const set = (field: TemplateField, value: string) => {
    onChange({ ...draft, [field]: value });
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setSaving(true);
    try {
      const saved = await mailApi.saveTemplate(base.name, draft);
      setErrors({});
      onSaved(saved);
      toast.success(`${templateLabel(saved.name)} template saved.`);
    } catch (err) {
      const refusal = formRefusal(err, templateFieldOf, TEMPLATE_LABELS);
      setErrors(refusal.errors);
      setFailure(refusal.banner);
      refused();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="em-editor">
      <form className="em-editor-form" onSubmit={save} noValidate ref={formRef} aria-label={`${templateLabel(base.name)} template`}>
        {failure && (
          <Banner testId="template-error" onDismiss={() => setFailure(null)}>
            {failure}
          </Banner>
        )}
        <MessageFields idPrefix="template" draft={draft} errorOf={errorOf} placeholders={base.placeholders} onChange={set} />
        <div className="em-editor-actions">
          <Button disabled={!dirty || saving} onClick={() => (onChange(draftOf(base)), setErrors({}), setFailure(null))}>
            Discard changes
          </Button>
          <Button type="submit" variant="primary" busy={saving} disabled={!dirty} data-testid="template-save">
            Save template
          </Button>
        </div>
      </form>
      <div className="em-editor-side">
        <Field label="Preview for" htmlFor="template-partner" hint="The first partner when none is chosen.">
          <PartnerSearchSelect
            id="template-partner"
            value={partner}
            onChange={onPartner}
            placeholder="Search partners"
            clearLabel="Preview for the first partner"
            testId="template-partner"
          />
        </Field>
        <TemplatePreview preview={preview.preview} problem={preview.problem ?? waiting} pending={preview.pending} />
      </div>
    </div>
  );
}
