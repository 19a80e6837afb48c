// The person's column overrides on top of a preset, as the core reads them
// (conversions/import/mod.rs map_columns): "COLUMN=FIELD" strings, headers
// matched without regard to case, each naming one of the mappable fields;
// an override replaces the preset's column for that field, and every
// required field must end up with a column.

import type { ColumnUse } from "../../../bindings/ColumnUse";
import type { PresetFit } from "../../../bindings/PresetFit";
import { fieldLabel } from "../labels";

export type Override = { header: string; field: string };

export type OverrideIssue = { rows: number[]; message: string };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function complete(o: Override): boolean {
  return o.header.trim() !== "" && o.field.trim() !== "";
}

/** The overrides as the import options want them; unfinished rows are left out. */
export function buildMapping(overrides: Override[]): string[] {
  return overrides.filter(complete).map((o) => `${o.header.trim()}=${o.field.trim()}`);
}

/** Every problem with the overrides, in words; empty when the core will take them. */
export function checkOverrides(overrides: Override[], headers: string[], fields: string[]): OverrideIssue[] {
  const issues: OverrideIssue[] = [];
  const byHeader = new Map<string, number>();
  const byField = new Map<string, number>();
  overrides.forEach((o, i) => {
    if (!complete(o)) return;
    if (!headers.some((h) => same(h, o.header))) {
      issues.push({ rows: [i], message: `the file has no column "${o.header}"` });
      return;
    }
    if (!fields.includes(o.field.trim())) {
      issues.push({ rows: [i], message: `"${o.field}" is not a field a column can be read as` });
      return;
    }
    const h = o.header.trim().toLowerCase();
    const firstH = byHeader.get(h);
    if (firstH !== undefined) issues.push({ rows: [firstH, i], message: `column "${o.header.trim()}" is mapped twice` });
    else byHeader.set(h, i);
    const f = o.field.trim();
    const firstF = byField.get(f);
    if (firstF !== undefined) {
      issues.push({
        rows: [firstF, i],
        message: `columns "${overrides[firstF].header.trim()}" and "${o.header.trim()}" are both read as ${fieldLabel(f).toLowerCase()}`,
      });
    } else byField.set(f, i);
  });
  return issues;
}

/** The rows named by any issue, to mark them. */
export function rowsWithIssues(issues: OverrideIssue[]): Set<number> {
  return new Set(issues.flatMap((i) => i.rows));
}

/** Required fields that still have no column once the overrides apply. */
export function missingRequired(fit: PresetFit, overrides: Override[]): string[] {
  const covered = new Set(overrides.filter(complete).map((o) => o.field.trim()));
  return fit.missing.filter((f) => !covered.has(f));
}

/** Which column is read as which field: the preset's reading with the overrides applied, in file order. */
export function effectiveColumns(fit: PresetFit, overrides: Override[], headers: string[]): (ColumnUse & { overridden: boolean })[] {
  const done = overrides.filter(complete);
  const replaced = new Set(done.map((o) => o.field.trim()));
  const header = (name: string) => headers.find((h) => same(h, name)) ?? name.trim();
  const columns = [
    ...fit.columns.filter((c) => !replaced.has(c.field)).map((c) => ({ ...c, overridden: false })),
    ...done.map((o) => ({ header: header(o.header), field: o.field.trim(), overridden: true })),
  ];
  const position = (h: string) => {
    const i = headers.findIndex((x) => same(x, h));
    return i < 0 ? headers.length : i;
  };
  return columns.sort((a, b) => position(a.header) - position(b.header));
}
