import type { TlsMode } from "../../bindings/TlsMode";
import { Field } from "../../components/Field";
import { portForTls, TLS_OPTIONS, type MailErrors, type MailForm } from "./mailSettingsForm";

type Props = {
  form: MailForm;
  errors: MailErrors;
  update: (patch: Partial<MailForm>) => void;
};

type TextKey = "host" | "port" | "user" | "from_name" | "from_email";

/** The SMTP server and who the mail is from. */
export function MailSettingsFields({ form, errors, update }: Props) {
  const input = (key: TextKey, testId: string, extra: { placeholder?: string; inputMode?: "numeric" | "email"; type?: string } = {}) => (
    <input
      id={`mail-${key}`}
      className={key === "port" ? "input num" : "input"}
      value={form[key]}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={!!errors[key] || undefined}
      data-testid={testId}
      onChange={(e) => update({ [key]: e.target.value })}
      {...extra}
    />
  );

  return (
    <>
      <Field label="SMTP server" htmlFor="mail-host" error={errors.host} hint="Your mail provider's outgoing server.">
        {input("host", "mail-host", { placeholder: "smtp.example.com" })}
      </Field>
      <div className="settings-row">
        <Field label="Encryption" htmlFor="mail-tls" error={errors.tls}>
          <select
            id="mail-tls"
            className="input"
            value={form.tls}
            aria-invalid={!!errors.tls || undefined}
            data-testid="mail-tls"
            onChange={(e) => {
              const tls = e.target.value as TlsMode;
              update({ tls, port: portForTls(tls, form.port) });
            }}
          >
            {TLS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Port" htmlFor="mail-port" error={errors.port}>
          <div className="settings-narrow">{input("port", "mail-port", { inputMode: "numeric" })}</div>
        </Field>
      </div>
      <Field
        label="User name"
        htmlFor="mail-user"
        error={errors.user}
        hint="Empty when the server needs no login. With a user name saved, its password can be kept in the system keychain below."
      >
        {input("user", "mail-user")}
      </Field>
      <div className="settings-row">
        <Field label="Sender name" htmlFor="mail-from_name" error={errors.from_name} hint="What partners see as the sender.">
          {input("from_name", "mail-from-name")}
        </Field>
        <Field label="Sender email" htmlFor="mail-from_email" error={errors.from_email}>
          {input("from_email", "mail-from-email", { type: "email", placeholder: "partners@example.com" })}
        </Field>
      </div>
    </>
  );
}
