import { useEffect, useRef } from "react";
import "../../../lib/uplotLocale";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { compactMoney, cssVar, exactMoney, monthTick } from "../../../lib/chartFormat";
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
    const n = data.months.length;
    const accent = cssVar(el, "--accent", "#4f46e5");
    const soft = cssVar(el, "--accent-soft-strong", "#c7d2fe");
    const grid = cssVar(el, "--border", "#e4e7ec");
    const ink = cssVar(el, "--text-muted", "#667085");
    const axisFont = `11px ${cssVar(el, "--font-sans", "sans-serif")}`;
    const compact = compactMoney(data.currency);
    const exact = exactMoney(data.currency);
    const axis = { stroke: ink, font: axisFont, grid: { stroke: grid, width: 1 }, ticks: { show: false } };
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 240),
      height: HEIGHT,
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
          splits: () => data.months.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => (data.months[i] ? monthTick(data.months[i], i === 0) : "")),
        },
        { ...axis, size: 56, values: (_u, splits) => splits.map(compact) },
      ],
      series: [
        { label: "Month", value: (_u, i) => (i == null || !data.months[i] ? "" : monthTick(data.months[i], true).replace("\n", " ")) },
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
    };
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
