import { ArrowRight } from "lucide-react";
import type { ImportInspection } from "../../../bindings/ImportInspection";
import type { PresetName } from "../../../bindings/PresetName";
import { RadioCards } from "../../../components/RadioCards";
import { plural } from "../../../lib/format";
import { fieldLabel, PRESETS } from "../labels";
import { effectiveColumns, type Override } from "./overrides";

type Props = {
  inspection: ImportInspection;
  preset: PresetName;
  onPreset: (p: PresetName) => void;
  overrides: Override[];
  missing: string[];
};

/** Which export the file is, and what that reading takes from each column. */
export function PresetSection({ inspection, preset, onPreset, overrides, missing }: Props) {
  const options = PRESETS.map((p) => {
    const fit = inspection.presets.find((f) => f.preset === p.value);
    const description = !fit
      ? ""
      : fit.missing.length
        ? `No column for ${fit.missing.map((m) => fieldLabel(m).toLowerCase()).join(", ")}`
        : `Reads ${plural(fit.columns.length, "column")}`;
    return { value: p.value, label: p.value === inspection.suggested ? `${p.label} · detected` : p.label, description };
  });
  const fit = inspection.presets.find((f) => f.preset === preset);
  const columns = fit ? effectiveColumns(fit, overrides, inspection.headers) : [];
  const unmappable = missing.filter((m) => !inspection.fields.includes(m));

  return (
    <section className="cimport-section" aria-label="Format">
      <h3>Format</h3>
      <RadioCards name="conversion-preset" label="Format of the file" value={preset} options={options} onChange={onPreset} />
      <div className="cimport-columns" role="table" aria-label="Columns read">
        <div className="cimport-columns-row cimport-columns-head" role="row">
          <span role="columnheader">Column in file</span>
          <span aria-hidden />
          <span role="columnheader">Read as</span>
        </div>
        {columns.length === 0 && (
          <div className="cimport-columns-row" role="row">
            <span role="cell" className="muted">
              This format reads none of the file's columns.
            </span>
          </div>
        )}
        {columns.map((c) => (
          <div key={`${c.header}→${c.field}`} className="cimport-columns-row" role="row" data-testid="conversions-import-column">
            <span role="cell" className="cimport-header" title={c.header}>
              {c.header}
            </span>
            <ArrowRight size={13} className="cimport-arrow" aria-hidden />
            <span role="cell">
              {fieldLabel(c.field)}
              {c.overridden && <span className="cimport-yours"> · your choice</span>}
            </span>
          </div>
        ))}
      </div>
      {missing.length > 0 && (
        <p className="cimport-missing" role="alert" data-testid="conversions-import-missing">
          Missing required: {missing.map(fieldLabel).join(", ")}.{" "}
          {unmappable.length > 0
            ? "This file does not look like this export; choose another format."
            : "Read a column as each of them below."}
        </p>
      )}
    </section>
  );
}
