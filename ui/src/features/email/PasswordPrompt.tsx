import { useCallback, useState, type FormEvent } from "react";
import type { MailSettings } from "../../bindings/MailSettings";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { mailApi } from "./api";
import { noKeychainText } from "./labels";
import "./email.css";

type Asking = { settings: MailSettings; then: (password: string) => void };

/**
 * The SMTP password for a sending, when the server has a user name. A
 * password saved in the system keychain (or kept for this session) is used
 * by the core without asking; otherwise it is asked for and goes straight to
 * `then`, saved only when the person asks for that.
 */
export function usePasswordPrompt() {
  const [asking, setAsking] = useState<Asking | null>(null);

  /**
   * Calls `then` with null when the server needs no login or a password is
   * saved, else after asking. Resolves once it is known which.
   */
  const withPassword = useCallback(async (settings: MailSettings, then: (password: string | null) => void) => {
    if (!settings.user.trim()) {
      then(null);
      return;
    }
    // Not knowing is the same as not saved: asking is always safe.
    const saved = await mailApi.passwordSaved().catch(() => false);
    if (saved) then(null);
    else setAsking({ settings, then });
  }, []);

  const dialog = asking && (
    <PasswordDialog
      settings={asking.settings}
      onClose={() => setAsking(null)}
      onSubmit={(password) => {
        setAsking(null);
        asking.then(password);
      }}
    />
  );
  return { withPassword, dialog };
}

type Props = { settings: MailSettings; onSubmit: (password: string) => void; onClose: () => void };

function PasswordDialog({ settings, onSubmit, onClose }: Props) {
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // Saved for this session only: said once, then Send goes on.
  const [sessionOnly, setSessionOnly] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    if (!password) {
      setError("Enter the password.");
      return;
    }
    if (!remember || sessionOnly !== null) {
      onSubmit(password);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const home = await mailApi.savePassword(password);
      if (home.kind === "unavailable") setSessionOnly(home.reason);
      else onSubmit(password);
    } catch (err) {
      setSaveError(`The password could not be saved: ${describeError(toAppError(err))}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title="SMTP password"
      description={`For ${settings.user} on ${settings.host}.`}
      onClose={onClose}
      testId="mail-password-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={saving} onClick={() => void submit()} data-testid="mail-password-submit">
            Send
          </Button>
        </>
      }
    >
      <form className="em-password-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Password" htmlFor="mail-password" error={error}>
          <input
            id="mail-password"
            className="input"
            type="password"
            autoComplete="off"
            autoFocus
            value={password}
            aria-invalid={error ? true : undefined}
            onChange={(e) => (setPassword(e.target.value), setError(null))}
            data-testid="mail-password"
          />
        </Field>
        <label className="em-check">
          <input
            type="checkbox"
            checked={remember}
            disabled={sessionOnly !== null}
            onChange={(e) => (setRemember(e.target.checked), setSaveError(null))}
            data-testid="mail-password-remember"
          />
          <span>
            Remember in the system keychain
            <span className="em-check-hint">
              {remember ? "Sending will not ask again." : "Otherwise it is used for this sending only and is not saved."}
            </span>
          </span>
        </label>
        {saveError && (
          <Banner testId="mail-password-save-error" onDismiss={() => setSaveError(null)}>
            {saveError}
          </Banner>
        )}
        {sessionOnly !== null && (
          <Banner kind="warning" testId="mail-password-session-only">
            {noKeychainText(sessionOnly)}
          </Banner>
        )}
      </form>
    </Dialog>
  );
}
