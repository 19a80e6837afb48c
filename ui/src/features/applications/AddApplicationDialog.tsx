import { useState, type FormEvent } from "react";
import type { IntakeReport } from "../../bindings/IntakeReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { formRefusal } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { ADD_LABELS, addFieldOf, EMPTY_ADD, toInput, type AddDraft, type AddField } from "./addForm";
import { applicationsApi } from "./api";

type Props = { onClose: () => void; onAdded: (report: IntakeReport) => void };

/** An application that came by email or a call: typed in, then screened like any other. */
export function AddApplicationDialog({ onClose, onAdded }: Props) {
  const [draft, setDraft] = useState<AddDraft>(EMPTY_ADD);
  const [errors, setErrors] = useState<Partial<Record<AddField, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { ref, refused } = useRefusalFocus<HTMLFormElement>();

  const set = (field: AddField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const checked = toInput(draft);
    if ("errors" in checked) {
      setErrors(checked.errors);
      refused();
      return;
    }
    setSaving(true);
    setBanner(null);
    try {
      onAdded(await applicationsApi.add(checked.input));
    } catch (err) {
      const r = formRefusal(err, addFieldOf, ADD_LABELS);
      setErrors(r.errors);
      setBanner(r.banner);
      setSaving(false);
      refused();
    }
  };

  const text = (field: AddField, props: { type?: string; placeholder?: string; inputMode?: "numeric" } = {}) => (
    <input
      id={`ap-add-${field}`}
      className="input"
      value={draft[field]}
      disabled={saving}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={errors[field] ? true : undefined}
      onChange={(e) => set(field)(e.target.value)}
      data-testid={`application-add-${field}`}
      {...props}
    />
  );

  return (
    <Dialog
      title="Add an application"
      description="For an application that came by email or in person. It is screened and scored like the imported ones."
      onClose={() => !saving && onClose()}
      testId="application-add-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button variant="primary" busy={saving} onClick={() => void submit()} data-testid="application-add-save">
            Add application
          </Button>
        </>
      }
    >
      <form ref={ref} className="ap-form" onSubmit={submit} noValidate>
        {banner && <Banner testId="application-add-error">{banner}</Banner>}
        <div className="ap-form-row">
          <Field label="Name" htmlFor="ap-add-name" error={errors.name}>
            <input
              id="ap-add-name"
              className="input"
              value={draft.name}
              autoFocus
              disabled={saving}
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              onChange={(e) => set("name")(e.target.value)}
              data-testid="application-add-name"
            />
          </Field>
          <Field label="Email" htmlFor="ap-add-email" error={errors.email}>
            {text("email", { type: "email", placeholder: "name@example.com" })}
          </Field>
        </div>
        <div className="ap-form-row">
          <Field label="Website" htmlFor="ap-add-website" error={errors.website}>
            {text("website", { placeholder: "example.com" })}
          </Field>
          <Field label="Country" htmlFor="ap-add-country" error={errors.country} hint="A code like FR, or the name.">
            {text("country", { placeholder: "FR" })}
          </Field>
        </div>
        <Field label="Audience size" htmlFor="ap-add-audience" error={errors.audience} hint="Followers, readers or subscribers.">
          {text("audience", { inputMode: "numeric", placeholder: "12000" })}
        </Field>
        <Field label="How they will promote" htmlFor="ap-add-promotion" error={errors.promotion}>
          <textarea
            id="ap-add-promotion"
            className="input"
            rows={3}
            value={draft.promotion}
            disabled={saving}
            aria-invalid={errors.promotion ? true : undefined}
            onChange={(e) => set("promotion")(e.target.value)}
            data-testid="application-add-promotion"
          />
        </Field>
      </form>
    </Dialog>
  );
}
