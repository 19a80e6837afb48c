import { FileDown } from "lucide-react";
import { useState } from "react";
import type { PerformanceRow } from "../../bindings/PerformanceRow";
import type { ProgramReport } from "../../bindings/ProgramReport";
import type { RefundRow } from "../../bindings/RefundRow";
import type { RunMethodRow } from "../../bindings/RunMethodRow";
import type { TaxYear } from "../../bindings/TaxYear";
import type { Tins } from "../../bindings/Tins";
import type { UnattributedSale } from "../../bindings/UnattributedSale";
import { Button } from "../../components/Button";
import { FullTinsCheck } from "../../components/FullTinsCheck";
import { RetryBanner } from "../../components/RetryBanner";
import { Segmented } from "../../components/Segmented";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { fileName, plural } from "../../lib/format";
import { useFetched } from "../../lib/useFetched";
import {
  chooseReportFile,
  defaultTaxYear,
  lastMonthRange,
  monthLabel,
  monthProblem,
  rangeProblem,
  reportsApi,
  taxYearChoices,
  type ReportKind,
} from "./api";
import { PayoutsTable, RefundsTable } from "./LedgerTables";
import { PerformanceTable } from "./PerformanceTable";
import { TaxYearTable } from "./TaxYearTable";
import { ProgramView } from "./ProgramView";
import { UnattributedTable } from "./UnattributedTable";
import "../../components/LedgerTable.css";
import "./reports.css";

type Format = "csv" | "pdf";

type Report = {
  value: ReportKind;
  label: string;
  testId: string;
  /** What the days (or the month) select. */
  hint: string;
  formats: Format[];
};

const REPORTS: Report[] = [
  {
    value: "program",
    label: "Program",
    testId: "report-program",
    hint: "Sales, refunds and commissions dated in the month; payouts by runs approved in it.",
    formats: ["pdf"],
  },
  {
    value: "partners",
    label: "Partners",
    testId: "report-partners",
    hint: "Sales, commission and payments dated in these days, per partner, best earners first.",
    formats: ["csv", "pdf"],
  },
  {
    value: "groups",
    label: "Groups",
    testId: "report-groups",
    hint: "Sales, commission and payments dated in these days, per partner group, best earners first.",
    formats: ["csv", "pdf"],
  },
  {
    value: "unattributed",
    label: "Unattributed sales",
    testId: "report-unattributed",
    hint: "Sales and renewals dated in these days that no partner was found for.",
    formats: ["csv", "pdf"],
  },
  { value: "payouts", label: "Payouts by run", testId: "report-payouts", hint: "Runs whose cut-off falls in these days.", formats: ["csv", "pdf"] },
  {
    value: "refunds",
    label: "Refunds and clawbacks",
    testId: "report-refunds",
    hint: "Refunds and chargebacks dated in these days.",
    formats: ["csv", "pdf"],
  },
  {
    value: "tax-year",
    label: "Tax year",
    testId: "report-tax-year",
    hint: "Paid per payee in the year, the tax form on file and who needs a 1099-NEC. The CSV has the 1099-NEC fields.",
    formats: ["csv", "pdf"],
  },
];

/** A report as read, tagged with what it is so a late answer is never shown under another report. */
type Loaded =
  | { kind: "program"; report: ProgramReport }
  | { kind: "partners" | "groups"; rows: PerformanceRow[] }
  | { kind: "unattributed"; rows: UnattributedSale[] }
  | { kind: "payouts"; rows: RunMethodRow[] }
  | { kind: "refunds"; rows: RefundRow[] }
  | { kind: "tax-year"; report: TaxYear };

async function load(kind: ReportKind, month: string, from: string, to: string, year: number): Promise<Loaded> {
  switch (kind) {
    case "program":
      return { kind, report: await reportsApi.program(month) };
    case "partners":
    case "groups":
      return { kind, rows: await reportsApi.performance(kind === "partners" ? "partner" : "group", from, to) };
    case "unattributed":
      return { kind, rows: await reportsApi.unattributed(from, to) };
    case "payouts":
      return { kind, rows: await reportsApi.payouts(from || null, to || null) };
    case "refunds":
      return { kind, rows: await reportsApi.refunds(from, to) };
    case "tax-year":
      return { kind, report: await reportsApi.taxYear(year) };
  }
}

/**
 * Reports the manager reads and hands on: the program report for a month,
 * partner and group performance, unattributed sales, payouts by run and
 * method, refunds and clawbacks per partner.
 */
/** What another screen opens Reports for: a report over days ("YYYY-MM-DD", both included; the program report takes `from`'s month). */
export type ReportsIntent = { report: ReportKind; from: string; to: string };

export function ReportsScreen({ initial }: { initial?: ReportsIntent } = {}) {
  const toast = useToast();
  const [kind, setKind] = useState<ReportKind>(initial?.report ?? "program");
  const [[from, to], setRange] = useState<[string, string]>(() => (initial ? [initial.from, initial.to] : lastMonthRange(new Date())));
  const [month, setMonth] = useState(() => (initial?.from ?? lastMonthRange(new Date())[0]).slice(0, 7));
  const [year, setYear] = useState(() => defaultTaxYear(new Date()));
  const [saving, setSaving] = useState<Format | null>(null);
  // Only the tax year's CSV holds TINs; whole only when asked (the PDF always masks).
  const [fullTins, setFullTins] = useState(false);
  const report = REPORTS.find((r) => r.value === kind) ?? REPORTS[0];
  const monthly = kind === "program";
  const yearly = kind === "tax-year";
  const problem = yearly ? null : monthly ? monthProblem(month) : rangeProblem(from, to, kind === "payouts");
  const period = yearly ? String(year) : monthly ? month : `${from}:${to}`;
  const fetched = useFetched<Loaded | null>(`report:${kind}:${period}:${problem ?? ""}`, () =>
    problem ? Promise.resolve(null) : load(kind, month.trim(), from, to, year),
  );
  const data = fetched.data?.kind === kind ? fetched.data : null;

  const saveAs = async (ext: Format) => {
    // The program report is one month, the tax year one year: its file name and `from` carry it.
    const [saveFrom, saveTo] = yearly ? [String(year), ""] : monthly ? [month.trim(), ""] : [from, to];
    try {
      const path = await chooseReportFile(kind, saveFrom, saveTo, ext);
      if (!path) return;
      setSaving(ext);
      const tins: Tins = yearly && ext === "csv" && fullTins ? "whole" : "masked";
      const n = await reportsApi.save(kind, saveFrom || null, saveTo || null, path, tins);
      toast.success(monthly ? `Saved the program report for ${monthLabel(saveFrom)} to ${fileName(path)}.` : `Saved ${plural(n, "row")} to ${fileName(path)}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setSaving(null);
    }
  };

  const csvButton = (
    <Button
      icon={<FileDown size={15} />}
      onClick={() => void saveAs("csv")}
      busy={saving === "csv"}
      disabled={problem !== null || saving !== null}
      data-testid="report-save-csv"
    >
      Save as CSV…
    </Button>
  );

  return (
    <div className="screen reports-screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>Reports</h1>
        </div>
        <div className="screen-actions">
          {report.formats.includes("csv") &&
            (yearly ? (
              <FullTinsCheck checked={fullTins} onChange={setFullTins} label="Full TINs in the CSV" testId="report-full-tins">
                {csvButton}
              </FullTinsCheck>
            ) : (
              csvButton
            ))}
          <Button
            icon={<FileDown size={15} />}
            onClick={() => void saveAs("pdf")}
            busy={saving === "pdf"}
            disabled={problem !== null || saving !== null}
            data-testid="report-save-pdf"
          >
            Save as PDF…
          </Button>
        </div>
      </header>
      <div className="reports-kinds">
        <Segmented<ReportKind>
          label="Report"
          value={kind}
          onChange={setKind}
          options={REPORTS.map(({ value, label, testId }) => ({ value, label, testId }))}
        />
      </div>
      <div className="reports-range">
        {yearly ? (
          <label>
            Year{" "}
            <select
              className="input input-sm"
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
              data-testid="report-year"
            >
              {taxYearChoices(new Date()).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        ) : monthly ? (
          <label>
            Month{" "}
            <input
              type="month"
              className="input input-sm reports-month"
              placeholder="YYYY-MM"
              value={month}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setMonth(e.target.value)}
              data-testid="report-month"
            />
          </label>
        ) : (
          <>
            <label>
              From{" "}
              <input
                type="date"
                className="input input-sm"
                value={from}
                aria-invalid={problem ? true : undefined}
                onChange={(e) => setRange([e.target.value, to])}
                data-testid="report-from"
              />
            </label>
            <label>
              to{" "}
              <input
                type="date"
                className="input input-sm"
                value={to}
                aria-invalid={problem ? true : undefined}
                onChange={(e) => setRange([from, e.target.value])}
                data-testid="report-to"
              />
            </label>
          </>
        )}
        {problem ? (
          <span className="reports-problem" role="alert" data-testid="report-problem">
            {problem}
          </span>
        ) : (
          <span className="muted">{report.hint}</span>
        )}
      </div>
      <div className="reports-body">
        {fetched.error && <RetryBanner error={fetched.error} onRetry={fetched.reload} />}
        {fetched.loading && !data && !problem && <Spinner label="Reading" />}
        {data && <Shown data={data} />}
      </div>
    </div>
  );
}

function Shown({ data }: { data: Loaded }) {
  switch (data.kind) {
    case "program":
      return <ProgramView report={data.report} />;
    case "partners":
      return <PerformanceTable by="partner" rows={data.rows} />;
    case "groups":
      return <PerformanceTable by="group" rows={data.rows} />;
    case "unattributed":
      return <UnattributedTable rows={data.rows} />;
    case "payouts":
      return <PayoutsTable rows={data.rows} />;
    case "refunds":
      return <RefundsTable rows={data.rows} />;
    case "tax-year":
      return <TaxYearTable report={data.report} />;
  }
}
