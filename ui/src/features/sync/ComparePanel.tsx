import { Scale } from "lucide-react";
import { EmptyState } from "../../components/EmptyState";
import { MonthStepper } from "../../components/MonthStepper";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { cx } from "../../lib/cx";
import { plural } from "../../lib/format";
import { formatMoney, formatSignedMoney } from "../../lib/moneyDisplay";
import { useFetched } from "../../lib/useFetched";
import { periodLabel } from "../whatif/period";
import { syncApi } from "./api";

type Props = {
  connection: string;
  platformTitle: string;
  /** The month compared, "2026-11". */
  period: string;
  /** The months offered, newest first. */
  periods: string[];
  onPeriod: (period: string) => void;
  version: number;
};

/** The platform's rewards beside our commissions for one month: who agrees, and why the others differ. */
export function ComparePanel({ connection, platformTitle, period, periods, onPeriod, version }: Props) {
  const result = useFetched(`sync-compare:${connection}:${period}:${version}`, () => syncApi.compare(connection, period), { keepStale: false });
  const c = result.data;

  return (
    <div className="sync-compare" data-testid="sync-compare">
      <div className="sync-compare-top">
        <span className="sync-period" role="group" aria-label="Month compared">
          <MonthStepper period={period} periods={periods} onPeriod={onPeriod} label={periodLabel} testId="sync-compare-period" />
        </span>
        {c && (c.agreeing > 0 || c.differing.length > 0) && (
          <p className="sync-compare-counts" data-testid="sync-compare-counts">
            <strong data-testid="sync-compare-agree">
              {c.agreeing === 1 ? "1 partner agrees" : `${plural(c.agreeing, "partner")} agree`}
            </strong>
            {c.differing.length > 0 && <span className="sync-attention">, {c.differing.length === 1 ? "1 differs" : `${plural(c.differing.length, "partner")} differ`}</span>}
            <span className="muted">: {platformTitle}'s rewards against the commissions computed here, for {periodLabel(period)}.</span>
          </p>
        )}
      </div>
      {result.error && <RetryBanner error={result.error} onRetry={result.reload} />}
      {!c && !result.error && <Spinner label="Comparing" />}
      {c && c.agreeing === 0 && c.differing.length === 0 && (
        <EmptyState icon={<Scale size={22} />} title={`Nothing to compare for ${periodLabel(period)}`}>
          Neither {platformTitle}'s rewards nor the commissions on this connection's sales fall in that month.
        </EmptyState>
      )}
      {c && c.differing.length > 0 && (
        <table className="sync-table sync-compare-table">
          <thead>
            <tr>
              <th scope="col">Partner and why</th>
              <th scope="col" className="sync-num">
                {platformTitle}
              </th>
              <th scope="col" className="sync-num">
                Ours
              </th>
              <th scope="col" className="sync-num" title="Ours minus the platform's">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {c.differing.map((row, i) => (
              <tr key={`${row.partner_id ?? row.partner}:${row.platform.currency}:${i}`} data-testid="sync-compare-row">
                <td className="sync-compare-partner">
                  <strong>{row.partner}</strong>
                  <ul className="sync-compare-reasons">
                    {row.reasons.map((reason, j) => (
                      <li key={j}>{reason}</li>
                    ))}
                  </ul>
                </td>
                <td className="sync-num sync-money num">{formatMoney(row.platform)}</td>
                <td className="sync-num sync-money num">{formatMoney(row.ours)}</td>
                <td
                  className={cx("sync-num sync-money num sync-difference", row.difference.minor < 0 ? "sync-less" : "sync-more")}
                  data-testid="sync-compare-difference"
                >
                  {formatSignedMoney(row.difference)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
