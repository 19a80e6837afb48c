import { ArrowRight } from "lucide-react";
import { CUSTOM_PREFIX, customKeyFor, FIELD_OPTIONS, IGNORE } from "./mapping";

type Props = {
  headers: string[];
  sample: string[][];
  targets: string[];
  flagged: Set<number>;
  onChange: (targets: string[]) => void;
};

const CUSTOM = "__custom";

/** One line per CSV column: where it goes, and what its first values look like. */
export function MappingTable({ headers, sample, targets, flagged, onChange }: Props) {
  const set = (i: number, target: string) => onChange(targets.map((t, j) => (j === i ? target : t)));

  return (
    <div className="mapping" role="table" aria-label="Column mapping">
      <div className="mapping-row mapping-head" role="row">
        <span role="columnheader">Column in file</span>
        <span aria-hidden />
        <span role="columnheader">Imports as</span>
        <span role="columnheader">First values</span>
      </div>
      {headers.map((header, i) => {
        const target = targets[i] ?? IGNORE;
        const isCustom = target.startsWith(CUSTOM_PREFIX);
        const values = sample
          .map((row) => row[i] ?? "")
          .filter((v) => v !== "")
          .slice(0, 3);
        return (
          <div
            key={i}
            role="row"
            className={["mapping-row", flagged.has(i) && "mapping-row-flagged", target === IGNORE && "mapping-row-ignored"].filter(Boolean).join(" ")}
            data-testid="mapping-row"
          >
            <span role="cell" className="mapping-header" title={header}>
              {header || <em className="muted">(no header)</em>}
            </span>
            <ArrowRight size={14} className="mapping-arrow" aria-hidden />
            <span role="cell" className="mapping-target">
              <select
                className="input input-sm"
                aria-label={`Import column ${header} as`}
                aria-invalid={flagged.has(i) || undefined}
                value={isCustom ? CUSTOM : target}
                onChange={(e) => {
                  const v = e.target.value;
                  set(i, v === CUSTOM ? `${CUSTOM_PREFIX}${customKeyFor(header)}` : v);
                }}
              >
                <option value={IGNORE}>Don't import</option>
                <optgroup label="Partner fields">
                  {FIELD_OPTIONS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </optgroup>
                <option value={CUSTOM}>Custom field…</option>
              </select>
              {isCustom && (
                <input
                  className="input input-sm"
                  aria-label={`Custom field name for ${header}`}
                  value={target.slice(CUSTOM_PREFIX.length)}
                  spellCheck={false}
                  onChange={(e) => set(i, `${CUSTOM_PREFIX}${e.target.value}`)}
                />
              )}
            </span>
            <span role="cell" className="mapping-sample">
              {values.length ? values.map((v, k) => <span key={k}>{v}</span>) : <span className="muted">empty</span>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
