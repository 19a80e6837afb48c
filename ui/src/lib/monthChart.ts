// The frame both month-by-month money charts share (the partner's
// performance, the home screen's trend): months along the bottom, a money
// scale from zero on the left, the cursor reading one month. The caller
// brings its series. Types only: uPlot itself stays in the lazy chunks.
import type uPlot from "uplot";
import { compactMoney, monthTick } from "./chartFormat";

type Frame = {
  width: number;
  height: number;
  /** "YYYY-MM", oldest first. */
  months: string[];
  currency: string;
  ink: string;
  grid: string;
  font: string;
  /** After the month: the money series, in the data's order. */
  series: uPlot.Series[];
};

export function monthChartOptions({ width, height, months, currency, ink, grid, font, series }: Frame): uPlot.Options {
  const n = months.length;
  const compact = compactMoney(currency);
  const axis = { stroke: ink, font, grid: { stroke: grid, width: 1 }, ticks: { show: false } };
  return {
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
      ...series,
    ],
  };
}
