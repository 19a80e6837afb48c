// A partner's postal address: free text, one line per line, as statements print it.

/** The most lines the core accepts (and a statement prints). */
export const ADDRESS_MAX_LINES = 6;

/** The address's lines as printed: trimmed, without blank lines. */
export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}
