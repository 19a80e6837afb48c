import { ArrowRight, Plus, X } from "lucide-react";
import { Button } from "../../../components/Button";
import { cx } from "../../../lib/cx";
import { sentence } from "../../../lib/errors";
import { fieldLabel } from "../labels";
import type { Override, OverrideIssue } from "./overrides";

type Props = {
  headers: string[];
  fields: string[];
  overrides: Override[];
  issues: OverrideIssue[];
  flagged: Set<number>;
  onChange: (overrides: Override[]) => void;
};

/** The person's own "this column is that field" choices, on top of the format's. */
export function OverridesEditor({ headers, fields, overrides, issues, flagged, onChange }: Props) {
  const set = (i: number, patch: Partial<Override>) => onChange(overrides.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const used = new Set(overrides.map((o) => o.header.toLowerCase()));
  const add = () => onChange([...overrides, { header: headers.find((h) => !used.has(h.toLowerCase())) ?? "", field: "" }]);

  return (
    <section className="cimport-section" aria-label="Column overrides">
      <div className="cimport-section-head">
        <h3>Your column choices</h3>
        <Button variant="link" size="sm" icon={<Plus size={13} />} onClick={add} data-testid="conversions-import-add-override">
          Read a column as…
        </Button>
      </div>
      {overrides.length === 0 ? (
        <p className="muted cimport-hint">
          Optional: when the format misses a column (a referral code kept in a custom field, say), tell it which one to read.
        </p>
      ) : (
        <ul className="cimport-overrides">
          {overrides.map((o, i) => (
            <li key={i} className={cx("cimport-override", flagged.has(i) && "cimport-override-flagged")} data-testid="conversions-import-override">
              <select
                className="input input-sm"
                aria-label={`Column of choice ${i + 1}`}
                aria-invalid={flagged.has(i) || undefined}
                value={o.header}
                onChange={(e) => set(i, { header: e.target.value })}
              >
                <option value="">Choose a column…</option>
                {headers.map((h, k) => (
                  <option key={k} value={h}>
                    {h || "(no header)"}
                  </option>
                ))}
              </select>
              <ArrowRight size={13} className="cimport-arrow" aria-hidden />
              <select
                className="input input-sm"
                aria-label={`Field of choice ${i + 1}`}
                aria-invalid={flagged.has(i) || undefined}
                value={o.field}
                onChange={(e) => set(i, { field: e.target.value })}
              >
                <option value="">Read it as…</option>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {fieldLabel(f)}
                  </option>
                ))}
              </select>
              <Button
                variant="ghost"
                size="sm"
                icon={<X size={14} />}
                aria-label={`Remove choice ${i + 1}`}
                onClick={() => onChange(overrides.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
      )}
      {issues.length > 0 && (
        <ul className="cimport-issues" role="alert">
          {issues.map((issue, i) => (
            <li key={i}>{sentence(issue.message)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
