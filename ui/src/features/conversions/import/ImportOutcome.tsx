import { CheckCircle2 } from "lucide-react";
import { useEffect, useRef } from "react";
import type { ConversionImportReport } from "../../../bindings/ConversionImportReport";
import { Banner } from "../../../components/Banner";
import { ProgressBar } from "../../../components/ProgressBar";
import { describeError } from "../../../lib/errors";
import { formatCount } from "../../../lib/format";
import { commissionsSummary, importSummary, skippedReasons, skippedTotal } from "./report";
import type { ImportJobState } from "./useConversionImport";

/** What the last check or import did: progress, the counts, or the error. */
export function ImportOutcome({ state }: { state: ImportJobState }) {
  const ref = useRef<HTMLDivElement>(null);
  // Each new outcome sits below the options: bring it into view.
  useEffect(() => ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" }), [state.phase]);
  return (
    <div ref={ref} className="cimport-outcome">
      <Outcome state={state} />
    </div>
  );
}

function Outcome({ state }: { state: ImportJobState }) {
  switch (state.phase) {
    case "idle":
      return null;
    case "running": {
      const p = state.progress;
      const label = state.dryRun ? "Checking" : "Importing";
      return (
        <div className="cimport-progress" data-testid="conversions-import-progress">
          <div className="cimport-progress-text">
            <span>{p?.step ? `${label}: ${p.step}` : `${label}…`}</span>
            {p && p.total > 0 && (
              <span className="num muted">
                {formatCount(p.done)} / {formatCount(p.total)}
              </span>
            )}
          </div>
          <ProgressBar done={p?.done ?? 0} total={p?.total ?? 0} label={label} />
        </div>
      );
    }
    case "failed":
      return (
        <Banner testId="conversions-import-error">
          {state.error.code === "cancelled"
            ? `${state.dryRun ? "Check" : "Import"} cancelled; nothing was written.`
            : `${describeError(state.error)} Nothing was written.`}
        </Banner>
      );
    case "checked":
      return (
        <div className="cimport-result" data-testid="conversions-import-result">
          <Banner kind="info">
            {importSummary(state.report)} Nothing has been written yet.
          </Banner>
          <Counts report={state.report} />
        </div>
      );
    case "imported":
      return (
        <div className="cimport-result" data-testid="conversions-import-result">
          <div className="cimport-done">
            <CheckCircle2 size={18} aria-hidden /> Imported. {importSummary(state.report)}
          </div>
          <Counts report={state.report} />
        </div>
      );
  }
}

function Counts({ report }: { report: ConversionImportReport }) {
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
      <p className="cimport-commissions">{commissionsSummary(report)}</p>
      <CountList items={commissions} small />
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
