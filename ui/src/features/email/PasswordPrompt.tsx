import { useCallback, useState, type FormEvent } from "react";
import type { MailSettings } from "../../bindings/MailSettings";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";

type Asking = { settings: MailSettings; then: (password: string) => void };

/**
 * The SMTP password, asked for each sending when the server has a user
 * name. It goes straight to `then` and is never kept or logged.
 */
export function usePasswordPrompt() {
  const [asking, setAsking] = useState<Asking | null>(null);

  /** Calls `then` with null when the server needs no login, else after asking. */
  const withPassword = useCallback((settings: MailSettings, then: (password: string | null) => void) => {
    if (settings.user.trim()) setAsking({ settings, then });
    else then(null);
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
  const [error, setError] = useState<string | null>(null);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!password) {
      setError("Enter the password.");
      return;
    }
    onSubmit(password);
  };

  return (
    <Dialog
      title="SMTP password"
      description={`For ${settings.user} on ${settings.host}. It is used for this sending only and is not saved.`}
      onClose={onClose}
      testId="mail-password-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => submit()} data-testid="mail-password-submit">
            Send
          </Button>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
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
      </form>
    </Dialog>
  );
}
