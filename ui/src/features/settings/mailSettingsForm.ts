import type { MailSettings } from "../../bindings/MailSettings";
import type { TlsMode } from "../../bindings/TlsMode";

/** What the Email section edits: the port stays text until saved. */
export type MailForm = {
  host: string;
  port: string;
  tls: TlsMode;
  user: string;
  from_name: string;
  from_email: string;
};

export type MailErrors = Partial<Record<keyof MailForm, string>>;

export const TLS_OPTIONS: { value: TlsMode; label: string }[] = [
  { value: "starttls", label: "STARTTLS (port 587)" },
  { value: "tls", label: "TLS (port 465)" },
  { value: "none", label: "None — only for a server on this computer" },
];

/** Labels for the core's field names, in messages. */
export const MAIL_LABELS: Record<string, string> = {
  host: "SMTP server",
  port: "Port",
  tls: "Encryption",
  user: "User name",
  from_name: "Sender name",
  from_email: "Sender email",
  to: "Send to",
};

const MAIL_FIELDS: (keyof MailForm)[] = ["host", "port", "tls", "user", "from_name", "from_email"];

export function mailToForm(s: MailSettings): MailForm {
  return { host: s.host, port: String(s.port), tls: s.tls, user: s.user, from_name: s.from_name, from_email: s.from_email };
}

/** The settings to save, or why the port is not one. */
export function formToMail(f: MailForm): { settings: MailSettings } | { errors: MailErrors } {
  const port = /^\d{1,5}$/.test(f.port.trim()) ? Number(f.port.trim()) : 0;
  if (port < 1 || port > 65535) return { errors: { port: "Enter a port between 1 and 65535." } };
  return {
    settings: {
      host: f.host.trim(),
      port,
      tls: f.tls,
      user: f.user.trim(),
      from_name: f.from_name.trim(),
      from_email: f.from_email.trim(),
    },
  };
}

const STANDARD_PORTS: Record<TlsMode, string | null> = { starttls: "587", tls: "465", none: null };

/** The port after choosing `tls`: a standard port follows the mode, any other stays. */
export function portForTls(tls: TlsMode, port: string): string {
  const standard = ["", "25", "465", "587"].includes(port.trim());
  return standard ? STANDARD_PORTS[tls] ?? port : port;
}

/** The form field a core error names, or null. */
export function mailFieldOf(field: string): keyof MailForm | null {
  return (MAIL_FIELDS as string[]).includes(field) ? (field as keyof MailForm) : null;
}
