import { FileDown, FileBarChart } from "lucide-react";
import { useState } from "react";
import type { RefundRow } from "../../bindings/RefundRow";
import type { RunMethodRow } from "../../bindings/RunMethodRow";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { RetryBanner } from "../../components/RetryBanner";
import { Segmented } from "../../components/Segmented";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { fileName, formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { useFetched } from "../../lib/useFetched";
import { chooseReportFile, lastMonthRange, reportsApi, type ReportKind } from "./api";
import "../../components/LedgerTable.css";
import "./reports.css";

/** Reports the manager reads and hands on: payouts by run and method, refunds and clawbacks per partner. */
export function ReportsScreen() {
  const toast = useToast();
  const [kind, setKind] = useState<ReportKind>("payouts");
  const [[from, to], setRange] = useState<[string, string]>(() => lastMonthRange(new Date()));
  const payouts = useFetched(`report-payouts:${kind === "payouts"}:${from}:${to}`, () =>
    kind === "payouts" ? reportsApi.payouts(from || null, to || null) : Promise.resolve(null),
  );
  const refunds = useFetched(`report-refunds:${kind === "refunds"}:${from}:${to}`, () =>
    kind === "refunds" && from && to ? reportsApi.refunds(from, to) : Promise.resolve(null),
  );
  const shown = kind === "payouts" ? payouts : refunds;

  const saveAs = async (ext: "csv" | "pdf") => {
    try {
      const path = await chooseReportFile(kind, from, to, ext);
      if (!path) return;
      const n = await reportsApi.save(kind, from || null, to || null, path);
      toast.success(`Saved ${plural(n, "row")} to ${fileName(path)}.`);
    } catch (e) {
      toast.error(e);
    }
  };

  return (
    <div className="screen reports-screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>Reports</h1>
        </div>
        <div className="screen-actions">
          <Segmented<ReportKind>
            label="Report"
            value={kind}
            onChange={setKind}
            options={[
              { value: "payouts", label: "Payouts by run", testId: "report-payouts" },
              { value: "refunds", label: "Refunds and clawbacks", testId: "report-refunds" },
            ]}
          />
          <Button icon={<FileDown size={15} />} onClick={() => void saveAs("csv")} data-testid="report-save-csv">
            Save as CSV…
          </Button>
          <Button icon={<FileDown size={15} />} onClick={() => void saveAs("pdf")} data-testid="report-save-pdf">
            Save as PDF…
          </Button>
        </div>
      </header>
      <div className="reports-range">
        <label>
          From <input type="date" className="input input-sm" value={from} onChange={(e) => setRange([e.target.value, to])} data-testid="report-from" />
        </label>
        <label>
          to <input type="date" className="input input-sm" value={to} onChange={(e) => setRange([from, e.target.value])} data-testid="report-to" />
        </label>
        <span className="muted">{kind === "payouts" ? "Runs whose cut-off falls in these days." : "Refunds and chargebacks dated in these days."}</span>
      </div>
      <div className="reports-body">
        {shown.error && <RetryBanner error={shown.error} onRetry={shown.reload} />}
        {shown.loading && !shown.data && <Spinner label="Reading" />}
        {kind === "payouts" && payouts.data && <PayoutsTable rows={payouts.data} />}
        {kind === "refunds" && refunds.data && <RefundsTable rows={refunds.data} />}
      </div>
    </div>
  );
}

function Empty({ text }: { text: string }) {
  return <EmptyState icon={<FileBarChart size={22} />} title="Nothing in these days">{text}</EmptyState>;
}

function PayoutsTable({ rows }: { rows: RunMethodRow[] }) {
  if (rows.length === 0) return <Empty text="No approved payout run has its cut-off in these days." />;
  return (
    <table className="ltable reports-table" data-testid="report-table">
      <thead>
        <tr>
          <th>Run</th>
          <th>Cut-off</th>
          <th>Method</th>
          <th className="col-end">Payouts</th>
          <th className="col-end">Total</th>
          <th className="col-end">Paid</th>
          <th className="col-end">Failed</th>
          <th className="col-end">Pending</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.run_id}-${r.method}-${r.total.currency}`}>
            <td className="num">#{r.run_id}</td>
            <td className="num">{r.through}</td>
            <td>{r.method}</td>
            <td className="col-end num">{formatCount(r.payouts)}</td>
            <td className="col-end num">{formatMoney(r.total)}</td>
            <td className="col-end num">
              {formatCount(r.paid)} · {formatMoney(r.paid_total)}
            </td>
            <td className="col-end num">{formatCount(r.failed)}</td>
            <td className="col-end num">{formatCount(r.pending)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RefundsTable({ rows }: { rows: RefundRow[] }) {
  if (rows.length === 0) return <Empty text="No refund or chargeback is dated in these days." />;
  return (
    <table className="ltable reports-table" data-testid="report-table">
      <thead>
        <tr>
          <th>Partner</th>
          <th className="col-end">Refunds</th>
          <th className="col-end">Chargebacks</th>
          <th className="col-end">Given back</th>
          <th className="col-end">Reversed</th>
          <th className="col-end">Clawed back</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.partner_id}>
            <td>{r.partner_name}</td>
            <td className="col-end num">{formatCount(r.refunds)}</td>
            <td className="col-end num">{formatCount(r.chargebacks)}</td>
            <td className="col-end num">{r.given_back.map((m) => formatMoney(m)).join(" + ")}</td>
            <td className="col-end num">{formatMoney(r.reversed)}</td>
            <td className="col-end num">{formatMoney(r.clawed_back)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
