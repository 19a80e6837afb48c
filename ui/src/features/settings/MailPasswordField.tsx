import { KeyRound } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import type { MailSettings } from "../../bindings/MailSettings";
import type { PasswordHome } from "../../bindings/PasswordHome";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { describeError, toAppError } from "../../lib/errors";
import { mailApi } from "../email/api";
import { noKeychainText } from "../email/labels";

type Props = {
  /** The saved settings: the password goes with their user name. */
  saved: MailSettings;
  /** Unsaved changes in the form above. */
  dirty: boolean;
};

/**
 * The SMTP password, kept in the system keychain so sending need not ask for
 * it (or only for this session when the system has no keychain). Shown when
 * the server has a user name.
 */
export function MailPasswordField({ saved, dirty }: Props) {
  // null while asking the core; then whether a password is saved.
  const [isSaved, setIsSaved] = useState<boolean | null>(null);
  // Where the password saved here went; null when not saved in this visit.
  const [home, setHome] = useState<PasswordHome | null>(null);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"saving" | "forgetting" | null>(null);
  const account = `${saved.user.trim()}@${saved.host.trim()}`;
  const hasUser = saved.user.trim() !== "";

  useEffect(() => {
    if (!hasUser) return;
    let live = true;
    setIsSaved(null);
    setHome(null);
    mailApi.passwordSaved().then(
      (s) => live && setIsSaved(s),
      (e) => {
        if (!live) return;
        setIsSaved(false);
        setError(describeError(toAppError(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [account, hasUser]);

  if (!hasUser) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!password) {
      setFieldError("Enter the password.");
      return;
    }
    setBusy("saving");
    try {
      setHome(await mailApi.savePassword(password));
      setIsSaved(true);
      setPassword("");
    } catch (err) {
      setError(describeError(toAppError(err)));
    } finally {
      setBusy(null);
    }
  };

  const forget = async () => {
    setError(null);
    setBusy("forgetting");
    try {
      await mailApi.forgetPassword();
      setIsSaved(false);
      setHome(null);
    } catch (err) {
      setError(describeError(toAppError(err)));
    } finally {
      setBusy(null);
    }
  };

  const hint = dirty
    ? "Save your changes first: the password goes with the saved user name."
    : isSaved
      ? "Saving another replaces it."
      : "Kept in the system keychain, never in the book: sending then does not ask for it.";

  return (
    <form className="mail-password" onSubmit={(e) => void save(e)} noValidate data-testid="mail-password-area">
      <Field label={`Password for ${saved.user.trim()}`} htmlFor="mail-password-input" error={fieldError} hint={hint}>
        <div className="mail-test-row">
          <input
            id="mail-password-input"
            className="input"
            type="password"
            autoComplete="off"
            value={password}
            disabled={dirty}
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => (setPassword(e.target.value), setFieldError(null))}
            data-testid="mail-password-input"
          />
          <Button type="submit" busy={busy === "saving"} disabled={dirty || busy !== null || isSaved === null} data-testid="mail-password-save">
            Save password
          </Button>
        </div>
      </Field>
      {isSaved === null ? (
        <Spinner size={14} label="Checking for a saved password" />
      ) : home?.kind === "unavailable" ? (
        <Banner kind="warning" testId="mail-password-state">
          {noKeychainText(home.reason)}{" "}
          <ForgetButton busy={busy} onForget={forget} />
        </Banner>
      ) : isSaved ? (
        <p className="mail-password-state" data-testid="mail-password-state">
          <KeyRound size={14} aria-hidden />
          <span>{home?.kind === "keychain" ? "Saved in the system keychain." : "A password is saved: sending uses it without asking."}</span>
          <ForgetButton busy={busy} onForget={forget} />
        </p>
      ) : (
        <p className="mail-password-state mail-password-none" data-testid="mail-password-state">
          No password saved: Partnerbook asks for it each time you send.
        </p>
      )}
      {error && (
        <Banner testId="mail-password-error" onDismiss={() => setError(null)}>
          {error}
        </Banner>
      )}
    </form>
  );
}

function ForgetButton({ busy, onForget }: { busy: string | null; onForget: () => Promise<void> }) {
  return (
    <Button variant="link" size="sm" busy={busy === "forgetting"} disabled={busy !== null} onClick={() => void onForget()} data-testid="mail-password-forget">
      Forget password
    </Button>
  );
}
