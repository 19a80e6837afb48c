import type { AppError } from "../bindings/AppError";

/** The error every backend command rejects with (see the shell's error.rs). */
export type { AppError };

export const ERROR_CODES = [
  "invalid_input",
  "bad_row",
  "not_found",
  "conflict",
  "not_a_book",
  "book_too_new",
  "already_exists",
  "cancelled",
  "io",
  "database",
  "no_book",
] as const;

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AppError).code === "string" &&
    typeof (value as AppError).message === "string"
  );
}

/** Whatever was thrown, as `{ code, message }` with a message a person can read. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return { code: error.code, message: error.message };
  if (typeof error === "string") return { code: "unknown", message: error };
  if (error instanceof Error) return { code: "unknown", message: error.message };
  return { code: "unknown", message: "Something went wrong." };
}

export function isCancelled(error: unknown): boolean {
  return toAppError(error).code === "cancelled";
}

/**
 * For invalid_input and conflict the core writes "field: what is wrong".
 * Returns the field and the rest, or null when the message names no field.
 */
export function fieldError(error: AppError): { field: string; message: string } | null {
  if (error.code !== "invalid_input" && error.code !== "conflict") return null;
  const match = /^([a-z][a-z0-9_]*): (.+)$/s.exec(error.message);
  if (!match) return null;
  return { field: match[1], message: match[2] };
}

/** The message with its leading field name replaced by the field's label. */
export function describeError(error: AppError, labels: Record<string, string> = {}): string {
  const fe = fieldError(error);
  if (!fe) return sentence(error.message);
  const label = labels[fe.field] ?? humanizeField(fe.field);
  return sentence(`${label}: ${fe.message}`);
}

export function humanizeField(field: string): string {
  const words = field.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return "Something went wrong.";
  // Capitalise a plain first word, never a file name or a code ("a.csv", "iban").
  const firstWord = t.split(/\s/, 1)[0];
  const first = /^[a-z][a-z'-]*[,:;]?$/.test(firstWord) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * A refusal as a form shows it: under the field it names when `fieldOf`
 * knows that field, else as a sentence for a banner.
 */
export function formRefusal<K extends string>(
  error: unknown,
  fieldOf: (field: string) => K | null,
  labels: Record<string, string> = {},
): { errors: Partial<Record<K, string>>; banner: string | null } {
  const e = toAppError(error);
  const fe = fieldError(e);
  const field = fe ? fieldOf(fe.field) : null;
  if (fe && field) return { errors: { [field]: sentence(fe.message) } as Partial<Record<K, string>>, banner: null };
  return { errors: {}, banner: describeError(e, labels) };
}
