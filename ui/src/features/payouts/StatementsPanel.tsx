import { CheckCircle2, FileText } from "lucide-react";
import { useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { StatementsReport } from "../../bindings/StatementsReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { JobStatus } from "../../components/JobStatus";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";
import { useProgressJob } from "../../lib/useProgressJob";
import { chooseStatementsFolder, payoutsApi } from "./api";
import { kilobytesText } from "./labels";
import { StatementFiles } from "./StatementFiles";

type Failure = { kind: "error" | "info"; text: string };

/** Writes the run's partner statements (PDF) into a folder, with progress and Cancel. */
export function StatementsPanel({ run, onDone }: { run: PayoutRun; onDone?: () => void }) {
  const { job, run: runJob, cancel } = useProgressJob(payoutsApi.cancelJob);
  const [report, setReport] = useState<StatementsReport | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const write = async () => {
    setFailure(null);
    try {
      const dir = await chooseStatementsFolder();
      if (!dir) return;
      setReport(null);
      setReport(await runJob(`Writing statements for run #${run.id}`, (onProgress) => payoutsApi.statements(run.id, dir, onProgress)));
      onDone?.();
    } catch (e) {
      setFailure(
        isCancelled(e)
          ? { kind: "info", text: "Cancelled: not every statement was written." }
          : { kind: "error", text: describeError(toAppError(e)) },
      );
    }
  };

  return (
    <section className="po-panel" aria-label="Statements">
      <h2>Statements</h2>
      <p className="muted">One PDF per partner paid in this run, with every line, adjustments, totals and the run's fingerprint.</p>
      <div>
        <Button icon={<FileText size={15} />} busy={job !== null} onClick={() => void write()} data-testid="payout-statements">
          Write statements…
        </Button>
      </div>
      {job && <JobStatus label={job.label} progress={job.progress} cancelling={job.cancelling} onCancel={cancel} testId="payout-statements-job" />}
      {failure && (
        <Banner kind={failure.kind} testId="payout-statements-error">
          {failure.text}
        </Banner>
      )}
      {report && (
        <div className="po-export-result" data-testid="payout-statements-report" role="status">
          <p className="po-export-done">
            <CheckCircle2 size={16} aria-hidden />
            <span>
              {plural(report.files, "statement")} written to <span className="po-mono">{report.dir}</span> ({kilobytesText(report.bytes)})
            </span>
          </p>
          <StatementFiles paths={report.paths} />
        </div>
      )}
    </section>
  );
}
