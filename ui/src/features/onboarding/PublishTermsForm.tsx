import { useState, type FormEvent } from "react";
import type { TermsVersion } from "../../bindings/TermsVersion";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { formRefusal } from "../../lib/errors";
import { onboardingApi } from "./api";

type Props = { onPublished: (t: TermsVersion) => void; onCancel: () => void };

type Errors = { version?: string; body?: string };

function fieldOf(field: string): keyof Errors | null {
  return field === "version" || field === "body" ? field : null;
}

/** A new version of the terms: named, written, and published for every partner to accept again. */
export function PublishTermsForm({ onPublished, onCancel }: Props) {
  const [version, setVersion] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Errors = {};
    if (!version.trim()) missing.version = "Name the version, like 2026-12.";
    if (!body.trim()) missing.body = "Paste or write the terms' text.";
    if (missing.version || missing.body) {
      setErrors(missing);
      return;
    }
    setSaving(true);
    setBanner(null);
    try {
      onPublished(await onboardingApi.publishTerms(version.trim(), body));
    } catch (err) {
      const r = formRefusal(err, fieldOf, { version: "Version", body: "Text" });
      setErrors(r.errors);
      setBanner(r.banner);
      setSaving(false);
    }
  };

  return (
    <form className="ob-form ob-publish" onSubmit={submit} noValidate aria-label="Publish new version">
      <Banner kind="warning" testId="terms-publish-warning">
        Partners on older versions must accept the new terms again before their next payout: until they do, their payouts are held.
      </Banner>
      {banner && <Banner testId="terms-publish-error">{banner}</Banner>}
      <Field label="Version" htmlFor="ob-terms-version" error={errors.version} hint="A short name partners will see, like 2026-12.">
        <input
          id="ob-terms-version"
          className="input ob-version"
          value={version}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          disabled={saving}
          aria-invalid={errors.version ? true : undefined}
          onChange={(e) => (setVersion(e.target.value), setErrors((x) => ({ ...x, version: undefined })))}
          data-testid="terms-publish-version"
        />
      </Field>
      <Field label="Text" htmlFor="ob-terms-body" error={errors.body}>
        <textarea
          id="ob-terms-body"
          className="input ob-terms-body"
          rows={10}
          value={body}
          disabled={saving}
          aria-invalid={errors.body ? true : undefined}
          onChange={(e) => (setBody(e.target.value), setErrors((x) => ({ ...x, body: undefined })))}
          data-testid="terms-publish-body"
        />
      </Field>
      <div className="ob-form-actions">
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving} data-testid="terms-publish-confirm">
          Publish version
        </Button>
      </div>
    </form>
  );
}
