import { useMemo, useState } from "react";
import type { ImportReport } from "../../../bindings/ImportReport";
import type { OnExisting } from "../../../bindings/OnExisting";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { ImportChooseFile } from "../../../components/ImportChooseFile";
import { ImportJobFooter } from "../../../components/ImportJobFooter";
import { RadioCards } from "../../../components/RadioCards";
import { sentence } from "../../../lib/errors";
import { fileName, plural } from "../../../lib/format";
import { useImportJob } from "../../../lib/useImportJob";
import { chooseCsvToImport, partnersApi } from "../api";
import { ImportStatus } from "./ImportStatus";
import { checkMapping, columnsWithIssues } from "./mapping";
import { MappingTable } from "./MappingTable";
import "./ImportDialog.css";

const ON_EXISTING: { value: OnExisting; label: string; description: string }[] = [
  { value: "update", label: "Update them", description: "Rows whose email is already a partner overwrite the mapped fields." },
  { value: "skip", label: "Skip them", description: "Existing partners stay as they are." },
  { value: "error", label: "Stop", description: "Import nothing if any email is already a partner." },
];

type Props = { onClose: () => void; onImported: (report: ImportReport) => void };

export function ImportDialog({ onClose, onImported }: Props) {
  const [targets, setTargets] = useState<string[]>([]);
  const [onExisting, setOnExisting] = useState<OnExisting>("update");
  const job = useImportJob({
    choose: chooseCsvToImport,
    load: partnersApi.importPreview,
    start: partnersApi.import,
    cancelJob: partnersApi.cancelJob,
    onLoaded: (p) => setTargets(p.suggested),
  });
  const { path, preview, state } = job;
  const running = state.phase === "running";

  const file = path ? fileName(path) : "the file";
  const issues = useMemo(() => (preview ? checkMapping(preview.headers, targets, file) : []), [preview, targets, file]);
  const flagged = useMemo(() => columnsWithIssues(issues), [issues]);

  const changeMapping = (next: string[]) => {
    setTargets(next);
    job.reset();
  };
  const changeOnExisting = (v: OnExisting) => {
    setOnExisting(v);
    job.reset();
  };

  const run = (dryRun: boolean) => void job.run({ mapping: targets, on_existing: onExisting, dry_run: dryRun });

  // Closing cancels a running import; a finished one is reported by Done only.
  const close = () => {
    if (running) job.cancel();
    else onClose();
  };

  const finished = state.phase === "imported";
  const footer = (
    <ImportJobFooter
      job={job}
      testIdPrefix="import"
      labels={{ cancelJob: "Cancel import", close: "Cancel" }}
      blocked={issues.length > 0}
      onRun={run}
      onClose={onClose}
      onDone={(report) => (onImported(report), onClose())}
    />
  );

  return (
    <Dialog
      title="Import partners from CSV"
      description={preview && path ? `${fileName(path)} · ${plural(preview.rows, "row")}` : "Bring partners in from a spreadsheet or another platform's export."}
      onClose={close}
      footer={footer}
      wide
      testId="import-dialog"
    >
      <div className="import">
        {job.loadError && <Banner onDismiss={job.dismissLoadError}>{job.loadError}</Banner>}
        {!preview ? (
          <ImportChooseFile className="import-choose" label="Choose a CSV file…" testId="import-choose" busy={job.loading} onChoose={job.choose}>
            The first line must name the columns. Every partner needs an email and a name; other columns can be mapped to
            any field or kept as custom fields.
          </ImportChooseFile>
        ) : (
          <>
            <div className="import-section-head">
              <h3>Columns</h3>
              <Button variant="link" size="sm" onClick={job.choose} disabled={running}>
                Choose another file
              </Button>
            </div>
            <fieldset className="import-fieldset" disabled={running || finished}>
              <MappingTable headers={preview.headers} sample={preview.sample} targets={targets} flagged={flagged} onChange={changeMapping} />
              {issues.length > 0 && (
                <ul className="import-issues" role="alert">
                  {issues.map((issue, i) => (
                    <li key={i}>{sentence(issue.message)}</li>
                  ))}
                </ul>
              )}
              <h3 className="import-subhead">Partners already in the book</h3>
              <RadioCards name="on-existing" label="Partners already in the book" value={onExisting} options={ON_EXISTING} onChange={changeOnExisting} />
            </fieldset>
            <ImportStatus state={state} />
          </>
        )}
      </div>
    </Dialog>
  );
}
