import type { ScreenedImport } from "../../../bindings/ScreenedImport";
import { ImportJobOutcome } from "../../../components/ImportJobOutcome";
import { describeError } from "../../../lib/errors";
import { formatCount } from "../../../lib/format";
import type { ImportJobState } from "../../../lib/useImportJob";
import { scanSummary } from "../../risk/labels";
import { commissionsSummary, importSummary, skippedReasons, skippedTotal } from "./report";

/** What the last check or import did: progress, the counts, or the error. */
export function ImportOutcome({ state }: { state: ImportJobState<ScreenedImport> }) {
  return (
    <ImportJobOutcome
      state={state}
      testIdPrefix="conversions-import"
      failedText={(error, dryRun) =>
        error.code === "cancelled" ? `${dryRun ? "Check" : "Import"} cancelled; nothing was written.` : `${describeError(error)} Nothing was written.`
      }
      checkedText={(report) => `${importSummary(report)} Nothing has been written yet.`}
      importedText={(report) => `Imported. ${importSummary(report)}`}
      details={(report) => <Counts report={report} />}
    />
  );
}

function Counts({ report }: { report: ScreenedImport }) {
  const dry = report.dry_run;
  const main: [string, number][] = [
    ["Rows read", report.rows],
    [dry ? "Would record" : "Recorded", report.recorded],
    ["Already in the book", report.existing],
    ["Skipped", skippedTotal(report)],
    ["Unattributed", report.unattributed],
  ];
  const c = report.commissions;
  const commissions: [string, number][] = [
    ["Commission lines", c.lines],
    ["Held", c.held],
    ["Reversals", c.reversals],
    ["Bonuses", c.bonuses],
  ];
  if (c.clawbacks) commissions.push(["Clawbacks", c.clawbacks]);
  // Given back to the partner by a chargeback's reversal (a dispute won).
  if (c.reinstated) commissions.push(["Reinstated", c.reinstated]);
  // A later sale lifted a month into a higher band, or a refund dropped it back.
  if (c.adjustments) commissions.push(["Month adjustments", c.adjustments]);
  const reasons = skippedReasons(report);
  return (
    <>
      <CountList items={main} />
      {reasons.length > 0 && (
        <ul className="cimport-reasons" aria-label="Why rows were skipped">
          {reasons.map(([why, n]) => (
            <li key={why}>
              <span>{why}</span>
              <span className="num">{formatCount(n)}</span>
            </li>
          ))}
        </ul>
      )}
      {report.notes.map((note) => (
        <p key={note} className="cimport-commissions" data-testid="conversions-import-note">
          {note}
        </p>
      ))}
      <p className="cimport-commissions">{commissionsSummary(report)}</p>
      <CountList items={commissions} small />
      {report.risk && (
        <p className="cimport-commissions" data-testid="conversions-import-risk">
          Risk checks: {scanSummary(report.risk)}
        </p>
      )}
    </>
  );
}

function CountList({ items, small }: { items: [string, number][]; small?: boolean }) {
  return (
    <dl className={small ? "cimport-counts cimport-counts-small" : "cimport-counts"}>
      {items.map(([label, n]) => (
        <div key={label} className="cimport-count">
          <dt>{label}</dt>
          <dd className="num">{formatCount(n)}</dd>
        </div>
      ))}
    </dl>
  );
}
