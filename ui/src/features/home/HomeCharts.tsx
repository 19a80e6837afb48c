import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import type { Home } from "../../bindings/Home";
import { Segmented } from "../../components/Segmented";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import type { Navigate } from "../shell/navigation";
import { chartCurrencies, funnelBars, groupBars, isQuietTrend, MAX_BARS, refundBars, topBars, trendSeries, type FunnelStep } from "./chartData";
import { monthDays, rangeLabel, shortMonth } from "./period";
import { FiguresTable } from "./FiguresTable";
import { RefundFloor } from "./RefundFloor";

// uPlot is its own chunk, asked for once the numbers are on screen.
const TrendPlot = lazy(() => import("./plots").then((m) => ({ default: m.TrendPlot })));
const BarsPlot = lazy(() => import("./plots").then((m) => ({ default: m.BarsPlot })));

const TREND_HEIGHT = 220;
const ROW = 26;
const rankedHeight = (n: number) => Math.max(n, 3) * ROW + 8;

type Props = {
  home: Home;
  floor: number;
  onFloor: (floor: number | null) => void;
  onNavigate: Navigate;
};

/**
 * The period's charts, each with its figures as a table (the canvas is for
 * the eye; the table is what a screen reader and a test read). A click on a
 * bar or a table row opens the list behind it.
 */
export function HomeCharts({ home, floor, onFloor, onNavigate }: Props) {
  const currencies = useMemo(() => chartCurrencies(home), [home]);
  const [chosen, setChosen] = useState<string | null>(null);
  const currency = chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? "");
  const period = rangeLabel(home.from, home.to);
  const days = monthDays(home.from, home.to);

  const trend = useMemo(() => trendSeries(home.trend, currency), [home.trend, currency]);
  const inPeriod = useMemo(() => trend.months.map((m) => m >= home.from && m <= home.to), [trend, home.from, home.to]);
  const top = useMemo(() => topBars(home.partners.top, currency), [home.partners.top, currency]);
  const groups = useMemo(() => groupBars(home.partners.groups, currency), [home.partners.groups, currency]);
  const drawnGroups = useMemo(() => groups.slice(0, MAX_BARS), [groups]);
  const refunds = useMemo(() => refundBars(home.partners.refund_rates), [home.partners.refund_rates]);
  const funnel = useMemo(() => funnelBars(home.funnel), [home.funnel]);

  const openMonth = (i: number) => {
    const m = trend.months[i];
    if (m) onNavigate("conversions", { ...monthDays(m, m), kinds: ["sale", "recurring"] });
  };
  const openPartner = (partnerId: number) => onNavigate("partners", { partnerId });
  const openRefunds = (i: number) => {
    const r = refunds[i];
    if (r) onNavigate("conversions", { ...days, partner: { id: r.partnerId, name: r.label }, kinds: ["refund", "chargeback"] });
  };
  const openGroups = () => onNavigate("reports", { report: "groups", ...days });
  const openTopEarners = () => onNavigate("partners", { sort: "revenue", descending: true });
  const openStep = (step: FunnelStep) => {
    if (step === "applied") onNavigate("applications", { status: "all" });
    else if (step === "paid") onNavigate("payouts");
    else onNavigate("partners", { sort: "created", descending: true });
  };

  return (
    <section className="home-charts-section" aria-label="Charts">
      <div className="home-charts-head">
        <h2 className="home-section-title">Charts</h2>
        {currencies.length > 1 && (
          <Segmented
            label="Currency"
            value={currency}
            onChange={setChosen}
            options={currencies.map((c) => ({ value: c, label: c, testId: `home-currency-${c}` }))}
          />
        )}
      </div>
      <div className="home-charts">
        <ChartCard
          wide
          testId="home-chart-trend"
          title="Revenue and commission by month"
          note={`12 months to ${shortMonth(home.to)}${currency ? `, ${currency}` : ""}`}
          summary={`Revenue (bars) and commission (line) in ${currency} for the 12 months to ${shortMonth(home.to)}.`}
          empty={isQuietTrend(trend) ? "No sales or commission in these 12 months." : null}
          height={TREND_HEIGHT}
          plot={<TrendPlot {...trend} inPeriod={inPeriod} height={TREND_HEIGHT} onPick={openMonth} />}
          table={
            <FiguresTable
              columns={["Month", "Revenue", "Commission"]}
              rows={trend.months.map((m, i) => ({
                key: m,
                label: shortMonth(m),
                open: () => openMonth(i),
                cells: [formatMoney(trend.revenue[i]), formatMoney(trend.commission[i])],
              }))}
            />
          }
        />
        <ChartCard
          testId="home-chart-top"
          title="Top partners by revenue"
          note={`${period}${currency ? `, ${currency}` : ""}`}
          action={
            <button
              type="button"
              className="home-link home-chart-action"
              onClick={openTopEarners}
              title="Opens Partners, the highest revenue of all time first (in the program's currency)."
              data-testid="home-top-all"
            >
              All partners by revenue
            </button>
          }
          summary={`Top ${top.length} partners by revenue in ${currency}, ${period}: ${top.map((b) => `${b.label} ${b.text}`).join("; ")}.`}
          empty={top.length === 0 ? `No partner sold in ${currency || "any currency"} in ${period}.` : null}
          height={rankedHeight(top.length)}
          plot={
            <BarsPlot horizontal bars={top} height={rankedHeight(top.length)} onPick={(i) => top[i] && openPartner(top[i].partnerId)} testId="home-top-plot" />
          }
          table={
            <FiguresTable
              testId="home-top-table"
              columns={["Partner", "Revenue", "Sales"]}
              rows={top.map((b) => ({
                key: b.partnerId,
                label: b.label,
                open: () => openPartner(b.partnerId),
                cells: [b.text, formatCount(b.sales)],
                linkTestId: "home-top-partner",
              }))}
            />
          }
        />
        <ChartCard
          testId="home-chart-groups"
          title="Revenue by group"
          note={`${period}${currency ? `, ${currency}` : ""}${groups.length > MAX_BARS ? `; top ${MAX_BARS} of ${groups.length} drawn` : ""}`}
          summary={`Revenue by partner group in ${currency}, ${period}: ${groups.map((b) => `${b.label} ${b.text}`).join("; ")}.`}
          empty={groups.every((g) => g.value === 0) ? `No group sold in ${currency || "any currency"} in ${period}.` : null}
          height={rankedHeight(drawnGroups.length)}
          plot={<BarsPlot horizontal bars={drawnGroups} height={rankedHeight(drawnGroups.length)} onPick={openGroups} testId="home-groups-plot" />}
          table={
            <FiguresTable
              testId="home-groups-table"
              columns={["Group", "Partners", "Revenue", "Commission"]}
              rows={groups.map((g) => ({
                key: g.groupId ?? "none",
                label: g.label,
                open: openGroups,
                cells: [formatCount(g.partners), g.text, formatMoney(g.commission)],
              }))}
            />
          }
        />
        <ChartCard
          testId="home-chart-refunds"
          title="Highest refund rates"
          note={<RefundFloor floor={floor} onFloor={onFloor} />}
          summary={`Partners with at least ${floor} sales in ${period}, highest refund rate first: ${refunds.map((b) => `${b.label} ${b.text}`).join("; ")}.`}
          empty={refunds.length === 0 ? `No partner with ${formatCount(floor)} or more sales had a refund in ${period}.` : null}
          height={rankedHeight(refunds.length)}
          plot={<BarsPlot horizontal bars={refunds} height={rankedHeight(refunds.length)} onPick={openRefunds} testId="home-refunds-plot" />}
          table={
            <FiguresTable
              testId="home-refunds-table"
              columns={["Partner", "Refunds", "Sales", "Rate"]}
              rows={refunds.map((r, i) => ({
                key: r.partnerId,
                label: r.label,
                open: () => openRefunds(i),
                cells: [formatCount(r.refunds), formatCount(r.sales), r.rate],
              }))}
            />
          }
        />
        <ChartCard
          testId="home-chart-funnel"
          title="Partner funnel"
          note={`${period}: applied, then approved; of those, made a sale and paid since`}
          summary={`Partner funnel, ${period}: ${funnel.map((b) => `${b.label} ${b.text}`).join("; ")}.`}
          empty={funnel.every((b) => b.value === 0) ? `No applications or approvals in ${period}.` : null}
          height={TREND_HEIGHT - 40}
          plot={
            <BarsPlot
              horizontal={false}
              bars={funnel}
              height={TREND_HEIGHT - 40}
              onPick={(i) => funnel[i] && openStep(funnel[i].step)}
              testId="home-funnel-plot"
            />
          }
          table={
            <FiguresTable
              testId="home-funnel-table"
              columns={["Step", "Partners"]}
              rows={funnel.map((b) => ({ key: b.step, label: b.label, open: () => openStep(b.step), cells: [b.text] }))}
            />
          }
        />
      </div>
    </section>
  );
}

type CardProps = {
  testId: string;
  title: string;
  note: ReactNode;
  /** The chart in a sentence, for screen readers. */
  summary: string;
  /** Said instead of drawing nothing. */
  empty: string | null;
  height: number;
  plot: ReactNode;
  table: ReactNode;
  wide?: boolean;
  /** A link at the end of the header (the whole list behind the chart). */
  action?: ReactNode;
};

/** A chart, its one-sentence summary, and its figures as a table under it. */
function ChartCard({ testId, title, note, summary, empty, height, plot, table, wide, action }: CardProps) {
  return (
    <section className={wide ? "home-chart home-chart-wide" : "home-chart"} data-testid={testId} aria-label={title}>
      <header className="home-chart-head">
        <h3>{title}</h3>
        <span className="home-chart-note">{note}</span>
        {action}
      </header>
      {empty ? (
        <p className="home-chart-empty" data-testid={`${testId}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          <div className="home-chart-plot" role="img" aria-label={summary} style={{ minHeight: height }}>
            <Suspense fallback={<div className="home-plot-loading" style={{ height }} />}>{plot}</Suspense>
          </div>
          <details className="home-chart-table">
            <summary>Figures</summary>
            {table}
          </details>
        </>
      )}
    </section>
  );
}
