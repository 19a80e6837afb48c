import { CheckCircle2, ExternalLink, FolderOpen } from "lucide-react";
import type { ExportReport } from "../../bindings/ExportReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { fileName, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { useFileActions } from "../files/useFileActions";
import { FORMAT_LABELS } from "./labels";

/** What an export wrote: each file with its count and total (and Open), and who is paid another way. */
export function ExportResult({ report }: { report: ExportReport }) {
  const label = FORMAT_LABELS[report.format];
  const files = useFileActions();
  return (
    <div className="po-export-result" data-testid="payout-export-report" role="status">
      {report.files.length === 0 ? (
        <p className="po-export-none">No payout in this run goes by {label}: no file was written.</p>
      ) : (
        <>
          <p className="po-export-done">
            <CheckCircle2 size={16} aria-hidden /> Wrote {plural(report.files.length, `${label} file`)}.
          </p>
          <ul className="po-export-files">
            {report.files.map((f) => (
              <li key={f.path} data-testid="payout-export-file">
                <span className="po-export-name" title={f.path}>
                  {fileName(f.path)}
                </span>
                <span className="num">{plural(f.payouts, "payout")}</span>
                <span className="num po-strong">{formatMoney(f.total)}</span>
                <span className="po-mono" title={`SHA-256 ${f.sha256}`}>
                  {f.sha256.slice(0, 12)}
                </span>
                <Button size="sm" variant="ghost" icon={<ExternalLink size={13} />} onClick={() => files.open(f.path)} aria-label={`Open ${fileName(f.path)}`}>
                  Open
                </Button>
              </li>
            ))}
          </ul>
          <div className="po-file-actions">
            <Button size="sm" icon={<FolderOpen size={14} />} onClick={() => files.reveal(report.files[0].path)} data-testid="payout-export-reveal">
              Show in folder
            </Button>
          </div>
          {files.error && (
            <Banner testId="payout-export-file-error" onDismiss={files.dismiss}>
              {files.error}
            </Banner>
          )}
        </>
      )}
      {report.notes.length > 0 && (
        <ul className="po-export-notes" data-testid="payout-export-notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {report.skipped.length > 0 && (
        <div className="po-export-skipped" data-testid="payout-export-skipped">
          <p className="muted">Not in {report.files.length === 1 ? "this file" : "these files"} ({plural(report.skipped.length, "partner")}):</p>
          <ul>
            {report.skipped.map((s) => (
              <li key={s.partner_id}>
                <span className="po-partner">{s.partner_name}</span> <span className="muted">{s.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
