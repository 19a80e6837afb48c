import { useMemo, useState } from "react";
import type { PresetName } from "../../../bindings/PresetName";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { Field } from "../../../components/Field";
import { ImportChooseFile } from "../../../components/ImportChooseFile";
import { ImportJobFooter } from "../../../components/ImportJobFooter";
import { Segmented } from "../../../components/Segmented";
import { plural } from "../../../lib/format";
import { useImportJob } from "../../../lib/useImportJob";
import { chooseConversionsCsv, conversionsApi } from "../api";
import { ImportOutcome } from "./ImportOutcome";
import { OverridesEditor } from "./OverridesEditor";
import { buildMapping, checkOverrides, missingRequired, rowsWithIssues, type Override } from "./overrides";
import { PresetSection } from "./PresetSection";
import { SampleTable } from "./SampleTable";
import "./ConversionImport.css";

type Props = { baseCurrency: string; onClose: () => void; onImported: () => void };

/** How PayPal's dates read: as the file's days show, or as the manager says. */
type DateOrder = "file" | "day" | "month";

export function ConversionImportDialog({ baseCurrency, onClose, onImported }: Props) {
  const [preset, setPreset] = useState<PresetName>("generic");
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [dates, setDates] = useState<DateOrder>("file");
  const [source, setSource] = useState("");
  const job = useImportJob({
    choose: chooseConversionsCsv,
    load: conversionsApi.inspect,
    start: conversionsApi.import,
    cancelJob: conversionsApi.cancelJob,
    // A new file starts from its detected format and no choices of one's own.
    onLoaded: (found) => {
      setPreset(found.suggested);
      // Columns of partners' codes no layout reads come in as proposals.
      setOverrides(found.code_columns.map((c) => ({ header: c.header, field: c.field })));
      setDates("file");
      setSource("");
    },
  });
  const { preview: inspection, state } = job;
  const running = state.phase === "running";
  const finished = state.phase === "imported";

  const fit = inspection?.presets.find((p) => p.preset === preset);
  const missing = useMemo(() => (fit ? missingRequired(fit, overrides) : []), [fit, overrides]);
  const issues = useMemo(
    () => (inspection ? checkOverrides(overrides, inspection.headers, inspection.fields) : []),
    [inspection, overrides],
  );
  const blocked = !inspection || missing.length > 0 || issues.length > 0;

  // Any change of the options makes the last check stale.
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      job.reset();
    };

  const run = (dryRun: boolean) => {
    if (blocked) return;
    void job.run({
      preset,
      mapping: buildMapping(overrides),
      source: source.trim() || null,
      day_first: preset === "paypal" && dates === "day",
      month_first: preset === "paypal" && dates === "month",
      dry_run: dryRun,
    });
  };

  // Closing cancels a running import; a finished one is reported however the dialog closes.
  const close = () => {
    if (running) return job.cancel();
    if (finished) onImported();
    onClose();
  };

  const footer = (
    <ImportJobFooter
      job={job}
      testIdPrefix="conversions-import"
      labels={{ cancelJob: "Cancel", close: "Close" }}
      blocked={blocked}
      onRun={run}
      onClose={onClose}
      onDone={close}
    />
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
        {job.loadError && <Banner onDismiss={job.dismissLoadError}>{job.loadError}</Banner>}
        {!inspection ? (
          <ImportChooseFile
            className="cimport-choose"
            label="Choose CSV file…"
            testId="conversions-import-choose"
            busy={job.loading}
            onChoose={job.choose}
          >
            Exports from Stripe, Shopify, PayPal and PartnerStack are recognised as they are. Any other CSV works when it has
            an id and a date for each row. Importing the same file twice records nothing new; amounts in other currencies are
            converted to {baseCurrency} with the day's FX rate.
          </ImportChooseFile>
        ) : (
          <>
            <div className="cimport-file">
              <span>
                <strong>{inspection.file}</strong>
                <span className="muted"> · {plural(inspection.headers.length, "column")}</span>
              </span>
              <Button variant="link" size="sm" onClick={job.choose} disabled={running}>
                Choose another file
              </Button>
            </div>
            <fieldset className="cimport-fieldset" disabled={running || finished}>
              <PresetSection inspection={inspection} preset={preset} onPreset={changed(setPreset)} overrides={overrides} missing={missing} />
              {inspection.code_columns.length > 0 && (
                <Banner kind="info" testId="conversions-import-code-columns">
                  {inspection.code_columns.map((c) => `“${c.header}” holds partners' codes (e.g. ${c.example})`).join("; ")}: read as
                  codes below. Remove the row to leave a column unread.
                </Banner>
              )}
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
                  <div className="cimport-check">
                    <span>Dates</span>
                    <Segmented<DateOrder>
                      label="Dates"
                      value={dates}
                      onChange={changed(setDates)}
                      options={[
                        { value: "file", label: "As the file shows", title: "A day above 12 tells which way the dates go", testId: "conversions-import-dates-file" },
                        { value: "day", label: "Day first (31/01)", testId: "conversions-import-day-first" },
                        { value: "month", label: "Month first (01/31)", testId: "conversions-import-month-first" },
                      ]}
                    />
                  </div>
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
