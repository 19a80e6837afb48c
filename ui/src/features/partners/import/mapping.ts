// The CSV column mapping of the import dialog. Checks mirror the core's
// (csv_import.rs parse_mapping): known targets only, no target twice, an
// email column, and a name (name, first name or last name) column.

import type { PartnerField } from "../../../bindings/PartnerField";
import { FIELD_LABELS } from "../fieldLabels";

export const IGNORE = "ignore";
export const CUSTOM_PREFIX = "custom:";


export const FIELD_OPTIONS = (Object.keys(FIELD_LABELS) as PartnerField[]).map((value) => ({
  value,
  label: FIELD_LABELS[value],
}));

export function isField(name: string): name is PartnerField {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, name);
}

export function targetLabel(target: string): string {
  const t = target.trim();
  if (t === IGNORE || t === "") return "Not imported";
  if (t.startsWith(CUSTOM_PREFIX)) return `Custom field “${t.slice(CUSTOM_PREFIX.length).trim()}”`;
  return isField(t) ? FIELD_LABELS[t] : t;
}

/** A custom field key made from a column header: "Shoe Size" → "shoe_size". */
export function customKeyFor(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
  return key || "field";
}

/** The key a target occupies ("email", "custom:size"), or null for ignored columns. */
function occupied(target: string): string | null | "unknown" {
  const t = target.trim();
  if (t === IGNORE || t === "") return null;
  if (t.startsWith(CUSTOM_PREFIX)) {
    const key = t.slice(CUSTOM_PREFIX.length).trim();
    return key ? `${CUSTOM_PREFIX}${key}` : "unknown";
  }
  return isField(t) ? t : "unknown";
}

export type MappingIssue = { columns: number[]; message: string };

/** Every problem with a mapping, in words; empty when the core will accept it. */
export function checkMapping(headers: string[], targets: string[], file = "the file"): MappingIssue[] {
  if (headers.length !== targets.length) {
    return [{ columns: [], message: `${file} has ${headers.length} columns but the mapping names ${targets.length}` }];
  }
  const issues: MappingIssue[] = [];
  const firstColumn = new Map<string, number>();
  targets.forEach((target, i) => {
    const key = occupied(target);
    if (key === null) return;
    if (key === "unknown") {
      issues.push({ columns: [i], message: `column "${headers[i]}": unknown field "${target.trim()}"` });
      return;
    }
    const first = firstColumn.get(key);
    if (first === undefined) firstColumn.set(key, i);
    else issues.push({ columns: [first, i], message: `columns "${headers[first]}" and "${headers[i]}" both map to ${key}` });
  });
  if (!firstColumn.has("email")) issues.push({ columns: [], message: `${file}: no column is mapped to email` });
  if (!["name", "first_name", "last_name"].some((f) => firstColumn.has(f))) {
    issues.push({ columns: [], message: `${file}: no column is mapped to name` });
  }
  return issues;
}

/** The columns named by any issue, to highlight them. */
export function columnsWithIssues(issues: MappingIssue[]): Set<number> {
  return new Set(issues.flatMap((i) => i.columns));
}
