import type { ImportReport } from "../../../bindings/ImportReport";
import { ImportJobOutcome } from "../../../components/ImportJobOutcome";
import { describeError } from "../../../lib/errors";
import { formatCount, plural } from "../../../lib/format";
import type { ImportJobState } from "../../../lib/useImportJob";

/** What the last check or import did: progress, counts, or the error. */
export function ImportStatus({ state }: { state: ImportJobState<ImportReport> }) {
  return (
    <ImportJobOutcome
      state={state}
      testIdPrefix="import"
      failedText={(error) => (error.code === "cancelled" ? "Import cancelled; nothing was changed." : describeError(error))}
      checkedText={() => "Everything checks out. Nothing has been written yet."}
      importedText={(report) => `Imported ${plural(report.rows, "row")}.`}
      details={(report) => <Counts report={report} future={state.phase === "checked"} />}
    />
  );
}

function Counts({ report, future }: { report: ImportReport; future?: boolean }) {
  const items: [string, number][] = [
    [future ? "would be created" : "created", report.created],
    [future ? "would be updated" : "updated", report.updated],
    [future ? "would be skipped" : "skipped", report.skipped],
  ];
  return (
    <>
      <dl className="import-counts">
        {items.map(([label, n]) => (
          <div key={label} className="import-count">
            <dt>{label}</dt>
            <dd className="num">{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {report.ignored_columns.length > 0 && (
        <p className="muted import-ignored">Not imported: {report.ignored_columns.join(", ")}</p>
      )}
    </>
  );
}
