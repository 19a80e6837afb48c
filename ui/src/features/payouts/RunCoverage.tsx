import { CheckCircle2, CircleDashed, FileDown, FileText } from "lucide-react";
import type { CoverageGroup } from "../../bindings/CoverageGroup";
import type { PaymentFormat } from "../../bindings/PaymentFormat";
import { Button } from "../../components/Button";
import { formatDateTime, plural } from "../../lib/format";
import type { Fetched } from "../../lib/useFetched";
import { formatMoney } from "../../lib/moneyDisplay";
import { coverageText, FORMAT_LABELS } from "./labels";

type Props = {
  coverage: Fetched<CoverageGroup[]>;
  busy: PaymentFormat | null;
  onExport: (format: PaymentFormat) => void;
  /** The by-hand transfers as a PDF, to pay from the bank. */
  onByHandPdf: () => void;
};

/**
 * How the run is paid, every paid payout in exactly one group: each
 * provider's files (how many uploads, and why), what is left to pay by
 * hand, and which were written already.
 */
export function RunCoverage({ coverage, busy, onExport, onByHandPdf }: Props) {
  const groups = coverage.data;
  if (!groups || groups.length === 0) return null;
  return (
    <ul className="po-coverage" aria-label="How this run is paid" data-testid="payout-coverage">
      {groups.map((g) => (
        <li key={g.format} className={`po-coverage-row${g.format === "manual" ? " po-coverage-manual" : ""}`} data-testid="payout-coverage-row" data-format={g.format}>
          {g.written_at ? (
            <CheckCircle2 size={16} className="po-coverage-done" aria-label="Written" />
          ) : (
            <CircleDashed size={16} className="po-coverage-todo" aria-label="Not written yet" />
          )}
          <span className="po-coverage-what">
            <strong>{FORMAT_LABELS[g.format]}</strong> · {plural(g.payouts, "payout")} ·{" "}
            <span className="num">{g.totals.map((m) => formatMoney(m)).join(" + ")}</span>
            <span className="muted po-coverage-how">
              {coverageText(g)}
              {g.written_at ? `; written ${formatDateTime(g.written_at)}` : ""}
            </span>
          </span>
          <Button
            size="sm"
            variant={g.written_at ? "ghost" : "secondary"}
            icon={<FileDown size={14} />}
            busy={busy === g.format}
            disabled={busy !== null && busy !== g.format}
            onClick={() => onExport(g.format)}
            data-testid={`payout-coverage-export-${g.format}`}
          >
            {g.format === "manual" ? "CSV" : g.written_at ? "Write again" : "Write"}
          </Button>
          {g.format === "manual" && (
            <Button size="sm" icon={<FileText size={14} />} disabled={busy !== null} onClick={onByHandPdf} data-testid="payout-coverage-by-hand-pdf">
              PDF
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
