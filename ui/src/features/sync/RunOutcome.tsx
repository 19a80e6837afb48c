import { ShieldAlert, X } from "lucide-react";
import type { ScreenedSync } from "../../bindings/ScreenedSync";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { formatCount } from "../../lib/format";
import { scanSummary } from "../risk/labels";
import { resourceLabel, runSummary, skippedReasons, skippedTotal } from "./labels";

type Props = {
  report: ScreenedSync;
  onClose: () => void;
  /** Opens the Risk screen, where new flags are reviewed. */
  onOpenRisk?: () => void;
};

/** What a run (or a dry run) did, per resource, and the risk flags it raised on the new sales. */
export function RunOutcome({ report, onClose, onOpenRisk }: Props) {
  const raised = report.risk ? report.risk.raised.reduce((n, c) => n + c.count, 0) : 0;
  return (
    <section className="sync-outcome" aria-label="Outcome of the run" data-testid="sync-outcome">
      <header className="sync-outcome-head">
        <h2>{report.dry_run ? "Dry run" : "Sync finished"}</h2>
        {report.dry_run && <Pill tone="blue">Nothing written</Pill>}
        <p className="sync-outcome-summary" data-testid="sync-outcome-summary">
          {runSummary(report)}
        </p>
        <Button size="sm" variant="ghost" icon={<X size={14} />} aria-label="Close the outcome" onClick={onClose} />
      </header>
      <table className="sync-table sync-outcome-table">
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col" className="sync-num">
              Fetched
            </th>
            <th scope="col" className="sync-num">
              Added
            </th>
            <th scope="col" className="sync-num">
              Changed
            </th>
            <th scope="col" className="sync-num">
              Unchanged
            </th>
            <th scope="col" className="sync-num">
              Skipped
            </th>
            <th scope="col" className="sync-num">
              Conflicts
            </th>
            <th scope="col" className="sync-reasons-col">
              Why skipped
            </th>
          </tr>
        </thead>
        <tbody>
          {report.resources.map((r, i) => (
            <tr key={r.resource ?? i} data-testid="sync-outcome-row" data-resource={r.resource ?? ""}>
              <th scope="row">{resourceLabel(r.resource)}</th>
              <td className="sync-num num">{formatCount(r.fetched)}</td>
              <td className="sync-num num" data-testid="sync-outcome-added">
                {formatCount(r.added)}
              </td>
              <td className="sync-num num">{formatCount(r.changed)}</td>
              <td className="sync-num num">{formatCount(r.unchanged)}</td>
              <td className="sync-num num">{formatCount(skippedTotal(r))}</td>
              <td className={r.conflicts > 0 ? "sync-num num sync-attention" : "sync-num num"}>{formatCount(r.conflicts)}</td>
              <td className="sync-reasons">
                {skippedReasons(r).map((reason) => (
                  <span key={reason}>{reason}</span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.risk &&
        (raised > 0 ? (
          <Banner kind="warning" testId="sync-outcome-risk">
            Risk checks on the new sales: {scanSummary(report.risk)}{" "}
            {onOpenRisk && (
              <Button variant="link" size="sm" icon={<ShieldAlert size={14} />} onClick={onOpenRisk}>
                Review them under Risk
              </Button>
            )}
          </Banner>
        ) : (
          <p className="sync-outcome-risk muted" data-testid="sync-outcome-risk">
            Risk checks on the new sales: {scanSummary(report.risk)}
          </p>
        ))}
    </section>
  );
}
