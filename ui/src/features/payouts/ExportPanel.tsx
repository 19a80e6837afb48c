import { FileDown } from "lucide-react";
import { useState } from "react";
import type { ExportReport } from "../../bindings/ExportReport";
import type { PaymentFormat } from "../../bindings/PaymentFormat";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { describeError, toAppError } from "../../lib/errors";
import { useToast } from "../../components/Toast";
import { fileName, plural } from "../../lib/format";
import { chooseByHandPdfPath, chooseExportPath, payoutsApi } from "./api";
import { useFetched } from "../../lib/useFetched";
import { ExportResult } from "./ExportResult";
import { RunCoverage } from "./RunCoverage";
import { FORMAT_LABELS, FORMATS } from "./labels";

const DESCRIPTIONS: Record<PaymentFormat, string> = {
  paypal: "PayPal Payouts CSV for partners paid by PayPal, one file per currency.",
  wise: "Wise batch transfer CSVs for partners paid by Wise, per currency: one to their emails, and a \u201c-bank\u201d one to the IBANs of those who gave one.",
  sepa: "SEPA credit transfer (pain.001) for bank transfers in EUR. Needs the paying account below.",
  csv: "Every payout of the run in one plain CSV, for any other way of paying.",
  manual: "The transfers no provider file makes (bank transfers outside SEPA, other methods), with bank details and references.",
};

/** Writes the run's payment files, one format at a time, and says what went where. */
export function ExportPanel({ run, onDone }: { run: PayoutRun; onDone?: () => void }) {
  const [busy, setBusy] = useState<PaymentFormat | null>(null);
  const [report, setReport] = useState<ExportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [written, setWritten] = useState(0);
  // SEPA's execution day; empty: the next TARGET2 business day.
  const [sepaDay, setSepaDay] = useState("");
  const toast = useToast();
  const coverage = useFetched(`coverage:${run.id}:${written}`, () => payoutsApi.coverage(run.id));

  const exportAs = async (format: PaymentFormat) => {
    setFailure(null);
    try {
      const path = await chooseExportPath(run.id, format);
      if (!path) return;
      setBusy(format);
      setReport(await payoutsApi.export(run.id, format, path, format === "sepa" && sepaDay ? sepaDay : null));
      setWritten((n) => n + 1);
      onDone?.();
    } catch (e) {
      setReport(null);
      setFailure(describeError(toAppError(e), { iban: "Paying account IBAN", bic: "Paying account BIC", execution_date: "SEPA execution date" }));
    } finally {
      setBusy(null);
    }
  };

  const byHandPdf = async () => {
    setFailure(null);
    try {
      const path = await chooseByHandPdfPath(run.id);
      if (!path) return;
      const n = await payoutsApi.byHandPdf(run.id, path);
      toast.success(`Saved ${plural(n, "transfer")} to make by hand in ${fileName(path)}.`);
    } catch (e) {
      setFailure(describeError(toAppError(e)));
    }
  };

  return (
    <section className="po-panel" aria-label="Export">
      <h2>Payment files</h2>
      <p className="muted">Upload each file to its provider to pay the run; pay what is left by hand from your bank. Writing a file again gives the same bytes.</p>
      <label className="po-sepa-day">
        SEPA transfers are executed by the bank on{" "}
        <input
          type="date"
          className="input input-sm"
          value={sepaDay}
          onChange={(e) => setSepaDay(e.target.value)}
          aria-label="SEPA execution date"
          data-testid="payout-sepa-date"
        />{" "}
        <span className="muted">(empty: the next business day; a past day or a bank holiday is refused)</span>
      </label>
      <RunCoverage coverage={coverage} busy={busy} onExport={(f) => void exportAs(f)} onByHandPdf={() => void byHandPdf()} />
      <h3 className="po-formats-title">Every format</h3>
      <div className="po-formats">
        {FORMATS.map((f) => (
          <div key={f} className="po-format">
            <Button
              icon={<FileDown size={15} />}
              busy={busy === f}
              disabled={busy !== null && busy !== f}
              onClick={() => void exportAs(f)}
              data-testid={`payout-export-${f}`}
            >
              {FORMAT_LABELS[f]}
            </Button>
            <span className="po-format-text">{DESCRIPTIONS[f]}</span>
          </div>
        ))}
      </div>
      {failure && <Banner testId="payout-export-error">{failure}</Banner>}
      {report && <ExportResult report={report} />}
    </section>
  );
}
