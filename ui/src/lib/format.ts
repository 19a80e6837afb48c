// Display helpers. Everything takes an optional locale / time zone so tests
// are deterministic; the app uses the machine's.

export type FormatOptions = { locale?: string; timeZone?: string };

let machineLocale: string | undefined | null = null;

/**
 * The locale for numbers: the given one, else the machine's, except that a
 * machine without a locale (LANG=C gives "100000") gets English grouping.
 */
function numberLocale(locale?: string): string | undefined {
  if (locale) return locale;
  if (machineLocale === null) {
    machineLocale = /\d\D\d/.test(new Intl.NumberFormat().format(100000)) ? undefined : "en-US";
  }
  return machineLocale;
}

export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0 }).format(n);
}

/** A percentage: 12.5 → "12.5%", with at most `digits` decimals. */
export function formatPercent(percent: number, digits = 1, locale?: string): string {
  return `${new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: digits }).format(percent)}%`;
}

/** "1 partner", "12,345 partners". */
export function plural(n: number, singular: string, pluralWord = `${singular}s`, locale?: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? singular : pluralWord}`;
}

function parse(iso: string): Date | null {
  if (!iso) return null;
  // Plain dates ("2027-12-31") are calendar days: read them as UTC midnight
  // and show them in UTC so they never shift by a day.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Nov 22, 2026" (the day in the person's time zone). Empty for no date. */
export function formatDate(iso: string | null | undefined, opts: FormatOptions = {}): string {
  const d = parse(iso ?? "");
  if (!d) return iso ?? "";
  const plainDay = /^\d{4}-\d{2}-\d{2}$/.test(iso ?? "");
  return new Intl.DateTimeFormat(opts.locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: plainDay ? "UTC" : opts.timeZone,
  }).format(d);
}

/** "Nov 22, 2026, 2:14 PM". */
export function formatDateTime(iso: string | null | undefined, opts: FormatOptions = {}): string {
  const d = parse(iso ?? "");
  if (!d) return iso ?? "";
  return new Intl.DateTimeFormat(opts.locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: opts.timeZone,
  }).format(d);
}

/** "just now", "5 min ago", "3 h ago", "yesterday", else the date. */
export function formatRelative(iso: string, now: Date = new Date(), opts: FormatOptions = {}): string {
  const d = parse(iso);
  if (!d) return iso;
  const seconds = Math.round((now.getTime() - d.getTime()) / 1000);
  if (seconds < 0) return formatDateTime(iso, opts);
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 2 * 86400) return "yesterday";
  return formatDate(iso, opts);
}

/** The last part of a path, for showing "Acme.partnerbook" instead of the whole path. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The folder part of a path, with the home folder shortened to "~" when known. */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i > 0 ? path.slice(0, i) : "";
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "France" for "FR"; the code itself when the name is unknown. */
export function countryName(code: string): string {
  if (!code) return "";
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(undefined, { type: "region" });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
