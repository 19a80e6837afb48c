import type { AppError as ShellError } from "../bindings/AppError";

/**
 * The error every backend command rejects with (see the shell's error.rs):
 * a code generated from the Rust enums, or "unknown" for anything else thrown.
 */
export type AppError = Omit<ShellError, "code"> & { code: ShellError["code"] | "unknown" };

function isAppError(value: unknown): value is ShellError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ShellError).code === "string" &&
    typeof (value as ShellError).message === "string"
  );
}

/** Whatever was thrown, as `{ code, message, field }` with a message a person can read. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return { code: error.code, message: error.message, field: error.field ?? null };
  if (typeof error === "string") return { code: "unknown", message: error, field: null };
  if (error instanceof Error) return { code: "unknown", message: error.message, field: null };
  return { code: "unknown", message: "Something went wrong.", field: null };
}

export function isCancelled(error: unknown): boolean {
  return toAppError(error).code === "cancelled";
}

/** The field a refusal is about and what is wrong with it, or null when it names none. */
export function fieldError(error: AppError): { field: string; message: string } | null {
  return error.field ? { field: error.field, message: error.message } : null;
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
