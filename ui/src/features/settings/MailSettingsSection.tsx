import { useEffect, useState, type FormEvent } from "react";
import type { MailSettings } from "../../bindings/MailSettings";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError, formRefusal, toAppError } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { mailApi } from "../email/api";
import { MailPasswordField } from "./MailPasswordField";
import { MailSettingsFields } from "./MailSettingsFields";
import { formToMail, MAIL_LABELS, mailFieldOf, mailToForm, type MailErrors, type MailForm } from "./mailSettingsForm";
import { MailTestForm } from "./MailTestForm";
import { SettingsSection } from "./SettingsSection";

/** Settings → Email: the SMTP server partner emails go out through, and a test message. */
export function MailSettingsSection() {
  const toast = useToast();
  const [saved, setSaved] = useState<MailSettings | null>(null);
  const [form, setForm] = useState<MailForm | null>(null);
  const [errors, setErrors] = useState<MailErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { ref, refused } = useRefusalFocus<HTMLFormElement>();

  const loaded = (s: MailSettings) => {
    setSaved(s);
    setForm(mailToForm(s));
  };

  useEffect(() => {
    mailApi
      .settings()
      .then(loaded)
      .catch((e) => setFailure(describeError(toAppError(e))));
  }, []);

  const dirty = form !== null && saved !== null && JSON.stringify(form) !== JSON.stringify(mailToForm(saved));

  const update = (patch: Partial<MailForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    setFailure(null);
    const result = formToMail(form);
    if ("errors" in result) {
      setErrors(result.errors);
      refused();
      return;
    }
    setSaving(true);
    try {
      loaded(await mailApi.saveSettings(result.settings));
      setErrors({});
      toast.success("Email settings saved.");
    } catch (err) {
      const refusal = formRefusal(err, mailFieldOf, MAIL_LABELS);
      setErrors(refusal.errors);
      setFailure(refusal.banner);
      refused();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="settings-form mail-settings" data-testid="mail-settings">
      <SettingsSection title="Email" description="The server statements and announcements go out through: your mail provider's SMTP settings.">
        {failure && (
          <Banner testId="mail-settings-error" onDismiss={form ? () => setFailure(null) : undefined}>
            {failure}
          </Banner>
        )}
        {!form || !saved ? (
          !failure && <Spinner size={16} label="Loading the email settings" />
        ) : (
          <>
            <form className="mail-settings-form" onSubmit={save} noValidate ref={ref}>
              <MailSettingsFields form={form} errors={errors} update={update} />
              <div className="mail-settings-actions">
                <Button disabled={!dirty || saving} onClick={() => (setForm(mailToForm(saved)), setErrors({}), setFailure(null))}>
                  Discard changes
                </Button>
                <Button type="submit" variant="primary" busy={saving} disabled={!dirty} data-testid="mail-save">
                  Save email settings
                </Button>
              </div>
            </form>
            <MailPasswordField saved={saved} dirty={dirty} />
            <MailTestForm saved={saved} dirty={dirty} />
          </>
        )}
      </SettingsSection>
    </div>
  );
}
