// Before "uplot": a webview under LANG=C would make its import throw.
import "../../../lib/uplotLocale";
import uPlot from "uplot";
import type { Money } from "../../../bindings/Money";
import { exactMoney, toUnits } from "../../../lib/chartFormat";
import { monthChartOptions } from "../../../lib/monthChart";
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
      const exact = exactMoney(currency);
      const fills = inPeriod.map((on) => (on ? c.soft : c.faint));
      const opts = monthChartOptions({
        width,
        height,
        months,
        currency,
        ink: c.ink,
        grid: c.grid,
        font: c.font,
        series: [
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
      });
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
