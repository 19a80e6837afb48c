import { FileSpreadsheet } from "lucide-react";
import { useMemo, useState } from "react";
import type { ImportInspection } from "../../../bindings/ImportInspection";
import type { PresetName } from "../../../bindings/PresetName";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { Field } from "../../../components/Field";
import { describeError, toAppError } from "../../../lib/errors";
import { plural } from "../../../lib/format";
import { chooseConversionsCsv, conversionsApi } from "../api";
import { ImportOutcome } from "./ImportOutcome";
import { OverridesEditor } from "./OverridesEditor";
import { buildMapping, checkOverrides, missingRequired, rowsWithIssues, type Override } from "./overrides";
import { PresetSection } from "./PresetSection";
import { SampleTable } from "./SampleTable";
import { useConversionImport } from "./useConversionImport";
import "./ConversionImport.css";

type Props = { baseCurrency: string; onClose: () => void; onImported: () => void };

export function ConversionImportDialog({ baseCurrency, onClose, onImported }: Props) {
  const [path, setPath] = useState<string | null>(null);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [preset, setPreset] = useState<PresetName>("generic");
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [dayFirst, setDayFirst] = useState(false);
  const [source, setSource] = useState("");
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const job = useConversionImport();
  const { state } = job;
  const running = state.phase === "running";
  const finished = state.phase === "imported";

  const fit = inspection?.presets.find((p) => p.preset === preset);
  const missing = useMemo(() => (fit ? missingRequired(fit, overrides) : []), [fit, overrides]);
  const issues = useMemo(
    () => (inspection ? checkOverrides(overrides, inspection.headers, inspection.fields) : []),
    [inspection, overrides],
  );
  const blocked = !inspection || missing.length > 0 || issues.length > 0;

  const choose = async () => {
    setLoadError(null);
    const picked = await chooseConversionsCsv().catch((e) => (setLoadError(describeError(toAppError(e))), null));
    if (!picked) return;
    setLoading(true);
    job.reset();
    try {
      const found = await conversionsApi.inspect(picked);
      setPath(picked);
      setInspection(found);
      setPreset(found.suggested);
      setOverrides([]);
      setDayFirst(false);
      setSource("");
    } catch (e) {
      setLoadError(describeError(toAppError(e)));
    } finally {
      setLoading(false);
    }
  };

  // Any change of the options makes the last check stale.
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      job.reset();
    };

  const run = (dryRun: boolean) => {
    if (!path || blocked) return;
    void job.run(path, {
      preset,
      mapping: buildMapping(overrides),
      source: source.trim() || null,
      day_first: preset === "paypal" && dayFirst,
      dry_run: dryRun,
    });
  };

  const close = () => {
    if (running) return void job.cancel();
    if (finished) onImported();
    onClose();
  };

  const footer = finished ? (
    <Button variant="primary" onClick={close} data-testid="conversions-import-done">
      Done
    </Button>
  ) : (
    <>
      {running ? (
        <Button onClick={() => void job.cancel()} disabled={state.cancelling} data-testid="conversions-import-cancel">
          {state.cancelling ? "Cancelling…" : "Cancel"}
        </Button>
      ) : (
        <Button onClick={onClose}>Close</Button>
      )}
      {inspection && (
        <>
          <Button onClick={() => run(true)} disabled={running || blocked} busy={running && state.dryRun} data-testid="conversions-import-check">
            Check
          </Button>
          <Button
            variant="primary"
            onClick={() => run(false)}
            disabled={state.phase !== "checked" || blocked}
            busy={running && !state.dryRun}
            data-testid="conversions-import-run"
          >
            {state.phase === "checked" ? `Import ${plural(state.report.rows, "row")}` : "Import"}
          </Button>
        </>
      )}
    </>
  );

  return (
    <Dialog
      title="Import conversions"
      description={inspection ? inspection.file : "Sales, recurring payments and refunds from a payment provider's or platform's export."}
      onClose={close}
      footer={footer}
      wide
      testId="conversions-import-dialog"
    >
      <div className="cimport">
        {loadError && <Banner onDismiss={() => setLoadError(null)}>{loadError}</Banner>}
        {!inspection ? (
          <div className="cimport-choose">
            <FileSpreadsheet size={28} aria-hidden />
            <p>
              Exports from Stripe, Shopify, PayPal and PartnerStack are recognised as they are. Any other CSV works when it
              has an id and a date for each row. Importing the same file twice records nothing new; amounts in other currencies
              are converted to {baseCurrency} with the day's FX rate.
            </p>
            <Button variant="primary" onClick={choose} busy={loading} data-testid="conversions-import-choose">
              Choose CSV file…
            </Button>
          </div>
        ) : (
          <>
            <div className="cimport-file">
              <span>
                <strong>{inspection.file}</strong>
                <span className="muted"> · {plural(inspection.headers.length, "column")}</span>
              </span>
              <Button variant="link" size="sm" onClick={choose} disabled={running}>
                Choose another file
              </Button>
            </div>
            <fieldset className="cimport-fieldset" disabled={running || finished}>
              <PresetSection inspection={inspection} preset={preset} onPreset={changed(setPreset)} overrides={overrides} missing={missing} />
              <OverridesEditor
                headers={inspection.headers}
                fields={inspection.fields}
                overrides={overrides}
                issues={issues}
                flagged={rowsWithIssues(issues)}
                onChange={changed(setOverrides)}
              />
              <section className="cimport-section cimport-options" aria-label="Options">
                {preset === "paypal" && (
                  <label className="cimport-check">
                    <input type="checkbox" checked={dayFirst} onChange={(e) => changed(setDayFirst)(e.target.checked)} data-testid="conversions-import-day-first" />
                    Dates are day-first (31/01)
                  </label>
                )}
                <Field label="Source name (optional)" htmlFor="cimport-source" hint={`Ids are unique within a source; “${preset}” when left empty.`}>
                  <input
                    id="cimport-source"
                    className="input"
                    value={source}
                    placeholder={preset}
                    spellCheck={false}
                    onChange={(e) => changed(setSource)(e.target.value)}
                  />
                </Field>
              </section>
              <section className="cimport-section" aria-label="First rows">
                <h3>First rows</h3>
                <SampleTable headers={inspection.headers} rows={inspection.sample} />
              </section>
            </fieldset>
            <ImportOutcome state={state} />
          </>
        )}
      </div>
    </Dialog>
  );
}
