import { FileSpreadsheet } from "lucide-react";
import { useMemo, useState } from "react";
import type { ImportPreview } from "../../../bindings/ImportPreview";
import type { ImportReport } from "../../../bindings/ImportReport";
import type { OnExisting } from "../../../bindings/OnExisting";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { RadioCards } from "../../../components/RadioCards";
import { describeError, sentence, toAppError } from "../../../lib/errors";
import { fileName, plural } from "../../../lib/format";
import { chooseCsvToImport, partnersApi } from "../api";
import { ImportStatus } from "./ImportStatus";
import { checkMapping, columnsWithIssues } from "./mapping";
import { MappingTable } from "./MappingTable";
import { useImportJob } from "./useImportJob";
import "./ImportDialog.css";

const ON_EXISTING: { value: OnExisting; label: string; description: string }[] = [
  { value: "update", label: "Update them", description: "Rows whose email is already a partner overwrite the mapped fields." },
  { value: "skip", label: "Skip them", description: "Existing partners stay as they are." },
  { value: "error", label: "Stop", description: "Import nothing if any email is already a partner." },
];

type Props = { onClose: () => void; onImported: (report: ImportReport) => void };

export function ImportDialog({ onClose, onImported }: Props) {
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [onExisting, setOnExisting] = useState<OnExisting>("update");
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const job = useImportJob();
  const { state } = job;
  const running = state.phase === "running";

  const file = path ? fileName(path) : "the file";
  const issues = useMemo(() => (preview ? checkMapping(preview.headers, targets, file) : []), [preview, targets, file]);
  const flagged = useMemo(() => columnsWithIssues(issues), [issues]);

  const choose = async () => {
    setLoadError(null);
    const picked = await chooseCsvToImport().catch((e) => (setLoadError(describeError(toAppError(e))), null));
    if (!picked) return;
    setLoading(true);
    job.reset();
    try {
      const p = await partnersApi.importPreview(picked);
      setPath(picked);
      setPreview(p);
      setTargets(p.suggested);
    } catch (e) {
      setLoadError(describeError(toAppError(e)));
    } finally {
      setLoading(false);
    }
  };

  const changeMapping = (next: string[]) => {
    setTargets(next);
    job.reset();
  };
  const changeOnExisting = (v: OnExisting) => {
    setOnExisting(v);
    job.reset();
  };

  const check = () => path && void job.run(path, targets, onExisting, true);
  const importNow = () => path && void job.run(path, targets, onExisting, false);

  const close = () => {
    if (running) void job.cancel();
    else onClose();
  };

  const finished = state.phase === "imported";
  const footer = finished ? (
    <Button variant="primary" onClick={() => (onImported(state.report), onClose())} data-testid="import-done">
      Done
    </Button>
  ) : (
    <>
      {running ? (
        <Button onClick={() => void job.cancel()} disabled={state.cancelling} data-testid="import-cancel">
          {state.cancelling ? "Cancelling…" : "Cancel import"}
        </Button>
      ) : (
        <Button onClick={onClose}>Cancel</Button>
      )}
      {preview && (
        <>
          <Button onClick={check} disabled={running || issues.length > 0} busy={running && state.dryRun} data-testid="import-check">
            Check
          </Button>
          <Button
            variant="primary"
            onClick={importNow}
            disabled={state.phase !== "checked" || issues.length > 0}
            busy={running && !state.dryRun}
            data-testid="import-run"
          >
            {state.phase === "checked" ? `Import ${plural(state.report.rows, "row")}` : "Import"}
          </Button>
        </>
      )}
    </>
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
        {loadError && <Banner onDismiss={() => setLoadError(null)}>{loadError}</Banner>}
        {!preview ? (
          <div className="import-choose">
            <FileSpreadsheet size={28} aria-hidden />
            <p>
              The first line must name the columns. Every partner needs an email and a name; other columns can be
              mapped to any field or kept as custom fields.
            </p>
            <Button variant="primary" onClick={choose} busy={loading} data-testid="import-choose">
              Choose a CSV file…
            </Button>
          </div>
        ) : (
          <>
            <div className="import-section-head">
              <h3>Columns</h3>
              <Button variant="link" size="sm" onClick={choose} disabled={running}>
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
