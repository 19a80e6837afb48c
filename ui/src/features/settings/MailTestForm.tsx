import { Send } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { MailSettings } from "../../bindings/MailSettings";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { mailApi } from "../email/api";
import { usePasswordPrompt } from "../email/PasswordPrompt";
import { MAIL_LABELS } from "./mailSettingsForm";

type Props = {
  /** The saved settings: the test sends with these. */
  saved: MailSettings;
  /** Unsaved changes in the form above. */
  dirty: boolean;
};

type Result = { ok: boolean; text: string };

/** Sends one message now and shows what the server answered. */
export function MailTestForm({ saved, dirty }: Props) {
  const [to, setTo] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [sending, setSending] = useState(false);
  // Asking the core whether a password is saved, before sending or asking for one.
  const [checking, setChecking] = useState(false);
  const { withPassword, dialog } = usePasswordPrompt();
  const address = (to ?? saved.from_email).trim();
  const ready = !dirty && saved.host.trim() !== "";

  const send = async (password: string | null) => {
    setSending(true);
    try {
      const reply = await mailApi.sendTest(address, password);
      setResult({ ok: true, text: `Sent to ${address}. The server replied: ${reply}` });
    } catch (e) {
      setResult({ ok: false, text: describeError(toAppError(e), MAIL_LABELS) });
    } finally {
      setSending(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setChecking(true);
    try {
      await withPassword(saved, (password) => void send(password));
    } finally {
      setChecking(false);
    }
  };

  const hint = dirty
    ? "Save your changes first: the test uses the saved settings."
    : ready
      ? "Sends one short message now, with the saved settings."
      : "Save the server's settings first.";

  return (
    <>
      <form className="mail-test" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Send a test email to" htmlFor="mail-test-to" hint={hint}>
        <div className="mail-test-row">
          <input
            id="mail-test-to"
            className="input"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={to ?? saved.from_email}
            onChange={(e) => (setTo(e.target.value), setResult(null))}
            data-testid="mail-test-to"
          />
          <Button type="submit" icon={<Send size={15} />} busy={sending || checking} disabled={!ready || !address} data-testid="mail-test">
            Send test email
          </Button>
        </div>
      </Field>
      {result && (
        <Banner kind={result.ok ? "success" : "error"} testId="mail-test-result" onDismiss={() => setResult(null)}>
          {result.text}
        </Banner>
      )}
      </form>
      {dialog}
    </>
  );
}
