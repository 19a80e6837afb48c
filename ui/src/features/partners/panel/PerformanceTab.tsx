import { FileDown, Layers } from "lucide-react";
import { useMemo, useState } from "react";
import type { Balance } from "../../../bindings/Balance";
import type { MonthPoint } from "../../../bindings/MonthPoint";
import type { Partner } from "../../../bindings/Partner";
import type { PartnerPayout } from "../../../bindings/PartnerPayout";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Pill } from "../../../components/Pill";
import { Spinner } from "../../../components/Spinner";
import { useToast } from "../../../components/Toast";
import { cx } from "../../../lib/cx";
import { describeError } from "../../../lib/errors";
import { fileName, formatCount, formatDate } from "../../../lib/format";
import { formatMoney } from "../../../lib/moneyDisplay";
import { useDelayed } from "../../../lib/useDelayed";
import { useFetched } from "../../../lib/useFetched";
import { lineStatusLabel, lineStatusTone, methodLabel } from "../../payouts/labels";
import { todayIso, versionInForce } from "../../plans/dates";
import { ruleSummary } from "../../plans/ruleSummary";
import { periodLabel, thisMonth } from "../../whatif/period";
import { earningsApi } from "../api";
import { PerformanceChart } from "./PerformanceChart";
import { chartData, chooseStatementFile, isQuiet, otherRevenue, performanceApi, shortMonth } from "./performanceApi";
import { describePlanSource, planSource } from "./planSource";
import "./Earnings.css";
import "./Performance.css";

type Props = { partner: Partner };

/**
 * How the partner is doing: twelve months of commission and revenue up to
 * this month, the plan that pays them, what they are owed, and the payouts
 * of approved runs, each with its statement.
 */
export default function PerformanceTab({ partner }: Props) {
  // The book has no clock: "now" is this machine's month.
  const through = thisMonth();
  const perf = useFetched(`partner-performance-${partner.id}-${through}-${partner.updated_at}`, () => performanceApi.get(partner.id, through), {
    keepStale: false,
  });
  const showSpinner = useDelayed(perf.loading && !perf.data);
  const data = perf.data;
  const currency = data?.balance.earned.currency ?? data?.months[0]?.commission.currency ?? "";

  return (
    <div className="panel-body" role="tabpanel" data-testid="partner-performance">
      {perf.error ? (
        <Banner>Could not load the partner's performance: {describeError(perf.error)}</Banner>
      ) : !data ? (
        showSpinner && <Spinner label="Loading performance" />
      ) : (
        <>
          <MonthsSection months={data.months} currency={currency} through={through} />
          <PlanSection partner={partner} currency={currency} />
          <BalanceSection balance={data.balance} />
          <PayoutsSection payouts={data.payouts} />
        </>
      )}
    </div>
  );
}

function MonthsSection({ months, currency, through }: { months: MonthPoint[]; currency: string; through: string }) {
  const chart = useMemo(() => chartData(months, currency), [months, currency]);
  const others = useMemo(() => otherRevenue(months, currency), [months, currency]);
  const first = months[0]?.month ?? through;
  const last = months[months.length - 1]?.month ?? through;
  return (
    <section className="pf-section" aria-labelledby="perf-months-title">
      <div className="earn-recent-head">
        <h3 id="perf-months-title" className="pf-section-title">
          Last twelve months
        </h3>
        <span className="earn-recent-summary num">
          {shortMonth(first)} – {shortMonth(last)}
        </span>
      </div>
      {isQuiet(months) ? (
        <p className="earn-empty" data-testid="performance-no-sales">
          No sales in the twelve months to {periodLabel(last)}. Commission and revenue appear here once conversions credited to this
          partner are imported.
        </p>
      ) : (
        <>
          <PerformanceChart data={chart} />
          {others.length > 0 && (
            <p className="perf-others" data-testid="performance-other-revenue">
              Revenue also came in{" "}
              {others.map((m, i) => (
                <span key={m.currency}>
                  {i === 0 ? "" : i === others.length - 1 ? " and " : ", "}
                  {m.currency} <span className="num perf-nowrap">({formatMoney(m)})</span>
                </span>
              ))}{" "}
              over the twelve months. It is not drawn on the {currency} scale; each month's is in the table.
            </p>
          )}
          <table className="earn-table perf-months" aria-label="Month by month">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="perf-num">
                  Sales
                </th>
                <th scope="col" className="perf-num">
                  Refunds
                </th>
                <th scope="col" className="perf-num">
                  Revenue
                </th>
                <th scope="col" className="perf-num">
                  Commission
                </th>
              </tr>
            </thead>
            <tbody>
              {[...months].reverse().map((m) => (
                <tr key={m.month} data-testid="performance-month">
                  <th scope="row" className="perf-month num">
                    {shortMonth(m.month)}
                  </th>
                  <td className="num perf-num">{formatCount(m.sales)}</td>
                  <td className="num perf-num">{formatCount(m.refunds)}</td>
                  <td className="num perf-num">
                    {m.revenue.length === 0 ? (
                      <span className="perf-zero">{"\u2014"}</span>
                    ) : (
                      m.revenue.map((r) => (
                        <span key={r.currency} className={cx("perf-line", r.minor < 0 && "earn-negative")}>
                          {formatMoney(r)}
                        </span>
                      ))
                    )}
                  </td>
                  <td className={cx("num perf-num", m.commission.minor === 0 && "perf-zero", m.commission.minor < 0 && "earn-negative")}>
                    {formatMoney(m.commission)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function PlanSection({ partner, currency }: { partner: Partner; currency: string }) {
  const plans = useFetched("plans", earningsApi.plans);
  const source = planSource(partner);
  const today = todayIso();
  const plan = plans.data?.find((p) => p.name === partner.plan_name) ?? null;
  const version = plan ? versionInForce(plan.versions, today) : null;
  return (
    <section className="pf-section" aria-labelledby="perf-plan-title" data-testid="performance-plan-section">
      <h3 id="perf-plan-title" className="pf-section-title">
        Plan in force
      </h3>
      <p className={source.kind === "none" ? "earn-plan earn-plan-none" : "earn-plan"} data-testid="performance-plan">
        <Layers size={15} aria-hidden />
        <span>{describePlanSource(source)}</span>
      </p>
      {source.kind !== "none" &&
        (plans.error ? (
          <p className="field-error">Could not load the plan's rates: {describeError(plans.error)}</p>
        ) : !plans.data ? null : version ? (
          <>
            <p className="perf-hint">
              Version {version.version}, in force since {formatDate(version.effective_from)}. Each sale earns under the version in force on
              its day:
            </p>
            <ul className="perf-rules" data-testid="performance-rules">
              {version.rules.map((r) => (
                <li key={r.id}>{ruleSummary(r, currency)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="perf-hint">No version of this plan is in force today; sales wait until one starts.</p>
        ))}
      <p className="field-hint">The plan is changed on the Earnings tab.</p>
    </section>
  );
}

function BalanceSection({ balance }: { balance: Balance }) {
  const figures: [string, string, keyof Balance][] = [
    ["Earned", "Approved, in a run, paid, and every adjustment", "earned"],
    ["Paid", "Settled by paid payouts", "paid"],
    ["Balance", "Earned less paid", "balance"],
    ["Approved", "Not yet in a payout run", "approved"],
    ["In a payout run", "Claimed by a run, not yet paid", "in_payout"],
    ["Open adjustments", "Not yet settled by a payout", "open_adjustments"],
  ];
  return (
    <section className="pf-section" aria-labelledby="perf-balance-title">
      <h3 id="perf-balance-title" className="pf-section-title">
        Balance
      </h3>
      <dl className="perf-balance" data-testid="performance-balance">
        {figures.map(([label, hint, key]) => {
          const m = balance[key] as Balance["earned"];
          return (
            <div key={key} className={cx("perf-figure", key === "balance" && "perf-figure-main")} title={hint}>
              <dt>{label}</dt>
              <dd className={cx("num", m.minor < 0 && "earn-negative")} data-testid={`balance-${key}`}>
                {formatMoney(m)}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function PayoutsSection({ payouts }: { payouts: PartnerPayout[] }) {
  return (
    <section className="pf-section" aria-labelledby="perf-payouts-title" data-testid="performance-payouts">
      <div className="earn-recent-head">
        <h3 id="perf-payouts-title" className="pf-section-title">
          Payouts
        </h3>
        {payouts.length > 0 && <span className="earn-recent-summary num">{formatCount(payouts.length)} in approved runs</span>}
      </div>
      {payouts.length === 0 ? (
        <p className="earn-empty" data-testid="performance-no-payouts">
          No payouts yet. A payout appears here once a payout run that pays this partner is approved.
        </p>
      ) : (
        <table className="earn-table perf-payouts" aria-label="Payouts">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Cut-off</th>
              <th scope="col" className="perf-num">
                Amount
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          {payouts.map((p) => (
            <PayoutRows key={p.payout_id} p={p} />
          ))}
        </table>
      )}
    </section>
  );
}

/** One payout: run, cut-off, amount and status; under them what was sent, how, when it settled, and its statement. */
function PayoutRows({ p }: { p: PartnerPayout }) {
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const method = methodLabel(p.method);
  const save = async () => {
    setSaving(true);
    try {
      const path = await chooseStatementFile(p.run_id);
      if (!path) return;
      const number = await performanceApi.saveStatement(p.payout_id, path);
      toast.success(`Saved statement ${number} to ${fileName(path)}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <tbody className="perf-payout" data-testid="performance-payout">
      <tr className="perf-payout-main">
        <td className="num perf-run">#{p.run_id}</td>
        <td className="num">{formatDate(p.through)}</td>
        <td className="num perf-num perf-amount">{formatMoney(p.amount)}</td>
        <td>
          <Pill tone={lineStatusTone(p.status)} dot>
            {lineStatusLabel(p.status)}
          </Pill>
        </td>
      </tr>
      <tr className="perf-payout-more">
        <td colSpan={4}>
          <div className="perf-payout-detail">
            <dl className="perf-facts">
              <div>
                <dt>Sent</dt>
                <dd className="num">
                  {p.pay ? formatMoney(p.pay) : "\u2014"}
                  {method && ` by ${method}`}
                </dd>
              </div>
              <div>
                <dt>Settled</dt>
                <dd className="num">{p.settled_at ? formatDate(p.settled_at) : "Not yet"}</dd>
              </div>
              {p.reference && (
                <div>
                  <dt>Reference</dt>
                  <dd className="perf-ref">{p.reference}</dd>
                </div>
              )}
            </dl>
            <Button
              size="sm"
              icon={<FileDown size={14} />}
              busy={saving}
              onClick={() => void save()}
              aria-label={`Save statement of run #${p.run_id}`}
              data-testid="save-statement"
            >
              Save statement
            </Button>
          </div>
        </td>
      </tr>
    </tbody>
  );
}
