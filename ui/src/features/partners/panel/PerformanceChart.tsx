import { useEffect, useRef } from "react";
import "../../../lib/uplotLocale";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { cssVar, exactMoney } from "../../../lib/chartFormat";
import { monthChartOptions } from "../../../lib/monthChart";
import type { ChartData } from "./performanceApi";

const HEIGHT = 200;

/**
 * Twelve months of revenue (wide pale bars) and commission (narrow bars in
 * front) on one money scale, so the commission reads as its share of the
 * revenue. uPlot draws on a canvas; the month table beside it carries the
 * same figures as text.
 */
export function PerformanceChart({ data }: { data: ChartData }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const accent = cssVar(el, "--accent", "#4f46e5");
    const soft = cssVar(el, "--accent-soft-strong", "#c7d2fe");
    const exact = exactMoney(data.currency);
    const opts = monthChartOptions({
      width: Math.max(el.clientWidth, 240),
      height: HEIGHT,
      months: data.months,
      currency: data.currency,
      ink: cssVar(el, "--text-muted", "#667085"),
      grid: cssVar(el, "--border", "#e4e7ec"),
      font: `11px ${cssVar(el, "--font-sans", "sans-serif")}`,
      series: [
        {
          label: `Revenue (${data.currency})`,
          fill: soft,
          stroke: soft,
          width: 0,
          paths: uPlot.paths.bars!({ size: [0.72, 36], align: 0 }),
          points: { show: false },
          value: (_u, v) => (v == null ? "" : exact(v)),
        },
        {
          label: `Commission (${data.currency})`,
          fill: accent,
          stroke: accent,
          width: 0,
          paths: uPlot.paths.bars!({ size: [0.36, 18], align: 0 }),
          points: { show: false },
          value: (_u, v) => (v == null ? "" : exact(v)),
        },
      ],
    });
    const x = data.months.map((_, i) => i);
    const plot = new uPlot(opts, [x, data.revenue, data.commission], el);
    const resize =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(() => {
            const w = Math.max(el.clientWidth, 240);
            if (w !== plot.width) plot.setSize({ width: w, height: HEIGHT });
          });
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot.destroy();
    };
  }, [data]);

  return <div ref={host} className="perf-chart" data-testid="performance-chart" />;
}
