import type { PlatformName } from "../../bindings/PlatformName";
import type { ConnectionKeys, NewConnection } from "../sync/api";
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

/** What the key fields hold: the first key, and the second (PartnerStack's secret key; unused for Rewardful). */
export type KeysForm = Pick<ConnectionForm, "user" | "password">;
export type KeysErrors = Partial<Record<keyof KeysForm, string>>;

/** What is missing among a platform's keys, in its words. */
function keysErrors(platform: PlatformName, k: KeysForm): KeysErrors {
  const errors: KeysErrors = {};
  const labels = KEY_LABELS[platform];
  if (!k.user.trim()) errors.user = `Enter the ${inSentence(labels.user)}.`;
  if (labels.password && !k.password.trim()) errors.password = `Enter the ${inSentence(labels.password)}.`;
  return errors;
}

/** The keys as sent, trimmed; Rewardful's second key is null. */
function keysOf(platform: PlatformName, k: KeysForm): ConnectionKeys {
  return { user: k.user.trim(), password: KEY_LABELS[platform].password ? k.password.trim() : null };
}

/** The keys to save for a connection of `platform` (Settings > Connections > Replace keys), or what is missing. */
export function formToKeys(platform: PlatformName, k: KeysForm): { keys: ConnectionKeys } | { errors: KeysErrors } {
  const errors = keysErrors(platform, k);
  return Object.keys(errors).length > 0 ? { errors } : { keys: keysOf(platform, k) };
}

/** The connection to add, or what is missing. Keys are trimmed; an empty base URL means the platform's own. */
export function formToConnection(f: ConnectionForm): { connection: NewConnection } | { errors: ConnectionErrors } {
  const errors: ConnectionErrors = {};
  if (!f.name.trim()) errors.name = "Give the connection a name.";
  Object.assign(errors, keysErrors(f.platform, f));
  if (Object.keys(errors).length > 0) return { errors };
  return {
    connection: {
      name: f.name.trim(),
      platform: f.platform,
      baseUrl: f.baseUrl.trim() || null,
      ...keysOf(f.platform, f),
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

/** The core's field names → the key fields' (a refusal of "name" or "keys" has no field there). */
export function keysFieldOf(field: string): keyof KeysForm | null {
  return field === "user" || field === "password" ? field : null;
}

/** Labels for the core's field names, in messages the form cannot put under a field. */
export function connectionLabels(platform: PlatformName): Record<string, string> {
  const keys = KEY_LABELS[platform];
  return { name: "Name", base_url: "Base URL", user: keys.user, password: keys.password ?? "Key", keys: "Keys", platform: "Platform" };
}
