// Before "uplot": a webview under LANG=C would make its import throw.
import "../../../lib/uplotLocale";
import uPlot from "uplot";
import type { Money } from "../../../bindings/Money";
import { compactMoney, exactMoney, monthTick, toUnits } from "../../../lib/chartFormat";
import { colors, usePlot } from "./usePlot";

type TrendProps = {
  currency: string;
  /** "YYYY-MM", oldest first. */
  months: string[];
  revenue: Money[];
  commission: Money[];
  /** Months inside the chosen period, drawn stronger. */
  inPeriod: boolean[];
  height: number;
  onPick?: (index: number) => void;
};

/** Revenue as bars and commission as a line, month by month, on one money scale. */
export function TrendPlot({ currency, months, revenue, commission, inPeriod, height, onPick }: TrendProps) {
  const host = usePlot(
    (el, width) => {
      const c = colors(el);
      const n = months.length;
      const compact = compactMoney(currency);
      const exact = exactMoney(currency);
      const axis = { stroke: c.ink, font: c.font, grid: { stroke: c.grid, width: 1 }, ticks: { show: false } };
      const fills = inPeriod.map((on) => (on ? c.soft : c.faint));
      const opts: uPlot.Options = {
        width,
        height,
        padding: [8, 8, 0, 0],
        cursor: { y: false, drag: { x: false, y: false }, points: { show: false } },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        legend: { show: true, live: true },
        scales: {
          x: { time: false, range: () => [-0.5, n - 0.5] },
          y: {
            range: (_u, min, max) => {
              const lo = Math.min(0, min);
              const hi = Math.max(0, max);
              return hi === lo ? [0, 1] : [lo, hi + (hi - lo) * 0.08];
            },
          },
        },
        axes: [
          {
            ...axis,
            grid: { show: false },
            size: 34,
            splits: () => months.map((_, i) => i),
            values: (_u, splits) => splits.map((i) => (months[i] ? monthTick(months[i], i === 0) : "")),
          },
          { ...axis, size: 56, values: (_u, splits) => splits.map(compact) },
        ],
        series: [
          { label: "Month", value: (_u, i) => (i == null || !months[i] ? "" : monthTick(months[i], true).replace("\n", " ")) },
          {
            label: `Revenue (${currency})`,
            fill: c.soft,
            stroke: c.soft,
            width: 0,
            paths: uPlot.paths.bars!({ size: [0.7, 40], align: 0, disp: { fill: { unit: 3, values: () => fills } } }),
            points: { show: false },
            value: (_u, v) => (v == null ? "" : exact(v)),
          },
          {
            label: `Commission (${currency})`,
            stroke: c.accent,
            width: 2,
            points: { show: true, size: 5, fill: c.accent, stroke: c.accent },
            value: (_u, v) => (v == null ? "" : exact(v)),
          },
        ],
      };
      const data: uPlot.AlignedData = [
        months.map((_, i) => i),
        revenue.map((m) => toUnits(m.minor, m.currency)),
        commission.map((m) => toUnits(m.minor, m.currency)),
      ];
      return { opts, data };
    },
    [currency, months, revenue, commission, inPeriod, height],
    onPick,
  );
  return <div ref={host} className="home-plot" aria-hidden data-testid="home-trend-plot" />;
}
