import { Check } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { ProgramSettings } from "../../bindings/ProgramSettings";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError, fieldError, sentence, toAppError } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { useDelayed } from "../../lib/useDelayed";
import { settingsApi } from "./api";
import { BackupsSection } from "./BackupsSection";
import { ConnectionsSection } from "./ConnectionsSection";
import { MailSettingsSection } from "./MailSettingsSection";
import { SettingsFields } from "./SettingsFields";
import { TaxThresholdsSection } from "./TaxThresholdsSection";
import { formFieldOf, formToInput, settingsToForm, type FormErrors, type SettingsForm } from "./settingsForm";
import "./settings.css";

export const SETTINGS_LABELS: Record<string, string> = {
  program_name: "Program name",
  business_name: "Business name",
  address: "Address",
  tax_id: "Tax id",
  base_currency: "Base currency",
  currency: "Base currency",
  hold_days: "Hold period",
  minimum_payout: "Minimum payout",
  cookie_window_days: "Cookie window",
};

type Props = {
  onSaved: (s: ProgramSettings) => void;
  /** A section to bring into view on opening (Sync's "Add a connection" opens Connections). */
  focus?: "connections";
};

export function SettingsScreen({ onSaved, focus }: Props) {
  const [saved, setSaved] = useState<SettingsForm | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const toast = useToast();
  const showSpinner = useDelayed(form === null && banner === null);
  const connectionsRef = useRef<HTMLDivElement>(null);

  // Brought here for one section: scroll it into view once the form above it has its height.
  const formShown = form !== null;
  useEffect(() => {
    if (focus === "connections" && formShown) connectionsRef.current?.scrollIntoView?.({ block: "start" });
  }, [focus, formShown]);

  useEffect(() => {
    settingsApi
      .get()
      .then((s) => {
        const f = settingsToForm(s);
        setSaved(f);
        setForm(f);
      })
      .catch((e) => setBanner(describeError(toAppError(e))));
  }, []);

  // Each refused save brings the first field at fault into view.
  const { ref: formRef, refused } = useRefusalFocus<HTMLFormElement>();

  const dirty = form !== null && saved !== null && JSON.stringify(form) !== JSON.stringify(saved);

  const update = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setJustSaved(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    setBanner(null);
    const result = formToInput(form);
    if ("errors" in result) {
      setErrors(result.errors);
      refused();
      return;
    }
    setSaving(true);
    try {
      const s = await settingsApi.update(result.input);
      const f = settingsToForm(s);
      setSaved(f);
      setForm(f);
      setErrors({});
      setJustSaved(true);
      toast.success("Settings saved.");
      onSaved(s);
    } catch (err) {
      const error = toAppError(err);
      const fe = fieldError(error);
      const field = fe ? formFieldOf(fe.field) : null;
      if (field && fe) setErrors({ [field]: sentence(fe.message) });
      setBanner(describeError(error, SETTINGS_LABELS));
      refused();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="settings">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="page-sub">How this program computes, holds and pays commissions.</p>
        </div>
      </header>
      <div className="settings-scroll">
        {form === null ? (
          <div className="settings-loading">
            {banner ? <Banner testId="form-error">{banner}</Banner> : showSpinner && <Spinner size={20} label="Loading settings" />}
          </div>
        ) : (
          <form className="settings-form" onSubmit={submit} noValidate ref={formRef}>
            {banner && (
              <Banner testId="form-error" onDismiss={() => setBanner(null)}>
                {banner}
              </Banner>
            )}
            <SettingsFields form={form} errors={errors} update={update} />
            <div className="settings-actions">
              {justSaved && !dirty && (
                <span className="settings-saved" role="status">
                  <Check size={15} /> Saved
                </span>
              )}
              <Button disabled={!dirty || saving} onClick={() => (setForm(saved), setErrors({}), setBanner(null))}>
                Discard changes
              </Button>
              <Button type="submit" variant="primary" busy={saving} disabled={!dirty} data-testid="settings-save">
                Save settings
              </Button>
            </div>
          </form>
        )}
        <TaxThresholdsSection />
        <ConnectionsSection ref={connectionsRef} />
        <MailSettingsSection />
        <BackupsSection onRestored={() => window.location.reload()} />
      </div>
    </div>
  );
}
