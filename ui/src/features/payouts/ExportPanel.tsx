import { FileDown } from "lucide-react";
import { useState } from "react";
import type { ExportReport } from "../../bindings/ExportReport";
import type { PaymentFormat } from "../../bindings/PaymentFormat";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { describeError, toAppError } from "../../lib/errors";
import { chooseExportPath, payoutsApi } from "./api";
import { ExportResult } from "./ExportResult";
import { FORMAT_LABELS, FORMATS } from "./labels";

const DESCRIPTIONS: Record<PaymentFormat, string> = {
  paypal: "PayPal Payouts CSV for partners paid by PayPal, one file per currency.",
  wise: "Wise batch transfer CSV for partners paid by Wise.",
  sepa: "SEPA credit transfer (pain.001) for bank transfers in EUR. Needs the paying account below.",
  csv: "Every payout of the run in one plain CSV, for any other way of paying.",
};

/** Writes the run's payment files, one format at a time, and says what went where. */
export function ExportPanel({ run }: { run: PayoutRun }) {
  const [busy, setBusy] = useState<PaymentFormat | null>(null);
  const [report, setReport] = useState<ExportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const exportAs = async (format: PaymentFormat) => {
    setFailure(null);
    try {
      const path = await chooseExportPath(run.id, format);
      if (!path) return;
      setBusy(format);
      setReport(await payoutsApi.export(run.id, format, path));
    } catch (e) {
      setReport(null);
      setFailure(describeError(toAppError(e), { iban: "Paying account IBAN", bic: "Paying account BIC" }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="po-panel" aria-label="Export">
      <h2>Payment files</h2>
      <p className="muted">Upload a file to your provider to pay the run. Writing a file again gives the same bytes.</p>
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
