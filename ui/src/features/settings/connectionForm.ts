import type { PlatformName } from "../../bindings/PlatformName";
import type { NewConnection } from "../sync/api";
import { defaultConnectionName, KEY_LABELS } from "../sync/labels";

/** What Settings > Connections > Add edits. */
export type ConnectionForm = {
  platform: PlatformName;
  name: string;
  baseUrl: string;
  user: string;
  password: string;
};

export type ConnectionErrors = Partial<Record<keyof ConnectionForm, string>>;

export function emptyConnectionForm(platform: PlatformName = "partnerstack"): ConnectionForm {
  return { platform, name: defaultConnectionName(platform), baseUrl: "", user: "", password: "" };
}

/**
 * The form after choosing another platform: a name left as the old
 * platform's default follows the new one; a typed name stays. Keys belong
 * to one platform, so they are cleared.
 */
export function withPlatform(form: ConnectionForm, platform: PlatformName): ConnectionForm {
  const followed = form.name.trim() === "" || form.name.trim() === defaultConnectionName(form.platform);
  return {
    ...form,
    platform,
    name: followed ? defaultConnectionName(platform) : form.name,
    user: "",
    password: "",
  };
}

/** "Public key" → "public key", "API secret" stays: for the middle of a sentence. */
const inSentence = (label: string) => label.replace(/^[A-Z][a-z]+/, (w) => w.toLowerCase());

/** The connection to add, or what is missing. Keys are trimmed; an empty base URL means the platform's own. */
export function formToConnection(f: ConnectionForm): { connection: NewConnection } | { errors: ConnectionErrors } {
  const errors: ConnectionErrors = {};
  const labels = KEY_LABELS[f.platform];
  if (!f.name.trim()) errors.name = "Give the connection a name.";
  if (!f.user.trim()) errors.user = `Enter the ${inSentence(labels.user)}.`;
  if (labels.password && !f.password.trim()) errors.password = `Enter the ${inSentence(labels.password)}.`;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    connection: {
      name: f.name.trim(),
      platform: f.platform,
      baseUrl: f.baseUrl.trim() || null,
      user: f.user.trim(),
      password: labels.password ? f.password.trim() : null,
    },
  };
}

/** The core's field names → the form's ("base_url" → baseUrl). */
export function connectionFieldOf(field: string): keyof ConnectionForm | null {
  const map: Record<string, keyof ConnectionForm> = {
    name: "name",
    platform: "platform",
    base_url: "baseUrl",
    user: "user",
    password: "password",
  };
  return map[field] ?? null;
}

/** Labels for the core's field names, in messages the form cannot put under a field. */
export function connectionLabels(platform: PlatformName): Record<string, string> {
  const keys = KEY_LABELS[platform];
  return { name: "Name", base_url: "Base URL", user: keys.user, password: keys.password ?? "Key", keys: "Keys", platform: "Platform" };
}
