// Before "uplot": a webview under LANG=C would make its import throw.
import "../../../lib/uplotLocale";
import uPlot from "uplot";
import type { Bar } from "../chartData";
import { colors, usePlot } from "./usePlot";

/** `text` cut to `max` canvas pixels, with an ellipsis. */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}\u2026`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}\u2026`;
}

type BarsProps = {
  bars: Bar[];
  /** Ranked lists lie down (names on the left, values on the right); the funnel stands. */
  horizontal: boolean;
  height: number;
  onPick?: (index: number) => void;
  testId: string;
};

/**
 * Bars with their names and values written beside them (no value axis: the
 * numbers are read, not estimated). Horizontal bars put rank 1 on top.
 */
export function BarsPlot({ bars, horizontal, height, onPick, testId }: BarsProps) {
  const host = usePlot(
    (el, width) => {
      const c = colors(el);
      const n = bars.length;
      const measure = document.createElement("canvas").getContext("2d");
      const textWidth = (t: string) => {
        if (!measure) return t.length * 6.5;
        measure.font = c.font;
        return measure.measureText(t).width;
      };
      const nameSpace = horizontal ? Math.min(Math.max(...bars.map((b) => textWidth(b.label)), 40) + 10, Math.round(width * 0.36)) : 0;
      const valueSpace = horizontal ? Math.max(...bars.map((b) => textWidth(b.text)), 20) + 12 : 0;
      const max = Math.max(0, ...bars.map((b) => b.value));
      const rects: { left: number; top: number; width: number; height: number }[] = [];
      const draw = (u: uPlot) => {
        const ctx = u.ctx;
        const px = uPlot.pxRatio;
        ctx.save();
        ctx.font = c.font.replace(/^(\d+)px/, (_, s) => `${Number(s) * px}px`);
        ctx.fillStyle = c.strong;
        bars.forEach((b, i) => {
          const r = rects[i];
          if (horizontal) {
            // The name, right-aligned before the plot; the value after it.
            const mid = r ? r.top + r.height / 2 : u.valToPos(i, "x", true);
            ctx.textBaseline = "middle";
            ctx.textAlign = "right";
            ctx.fillText(fit(ctx, b.label, (nameSpace - 10) * px), u.bbox.left - 8 * px, mid);
            ctx.textAlign = "left";
            ctx.fillText(b.text, u.bbox.left + u.bbox.width + 8 * px, mid);
          } else if (r) {
            ctx.textAlign = "center";
            ctx.textBaseline = "bottom";
            ctx.fillText(b.text, r.left + r.width / 2, r.top - 4 * px);
          }
        });
        ctx.restore();
      };
      const opts: uPlot.Options = {
        width,
        height,
        padding: horizontal ? [4, valueSpace, 4, nameSpace] : [20, 8, 0, 8],
        cursor: { x: false, y: false, drag: { x: false, y: false }, points: { show: false } },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        legend: { show: false },
        scales: {
          x: horizontal ? { time: false, ori: 1, dir: -1, range: () => [-0.5, n - 0.5] } : { time: false, range: () => [-0.5, n - 0.5] },
          y: horizontal ? { ori: 0, dir: 1, range: () => [0, max > 0 ? max : 1] } : { range: () => [0, max > 0 ? max * 1.12 : 1] },
        },
        axes: horizontal
          ? [
              { side: 3, show: false },
              { side: 2, show: false },
            ]
          : [
              {
                stroke: c.ink,
                font: c.font,
                size: 28,
                grid: { show: false },
                ticks: { show: false },
                splits: () => bars.map((_, i) => i),
                values: (_u, splits) => splits.map((i) => bars[i]?.label ?? ""),
              },
              { show: false },
            ],
        series: [
          {},
          {
            label: "Value",
            fill: c.soft,
            stroke: c.soft,
            width: 0,
            paths: uPlot.paths.bars!({
              size: horizontal ? [0.68, 18] : [0.55, 64],
              align: 0,
              radius: 0.15,
              each: (_u, _s, i, left, top, w, h) => {
                rects[i] = { left, top, width: w, height: h };
              },
            }),
            points: { show: false },
          },
        ],
        hooks: { draw: [draw] },
      };
      return { opts, data: [bars.map((_, i) => i), bars.map((b) => b.value)] as uPlot.AlignedData };
    },
    [bars, horizontal, height],
    onPick,
  );
  return <div ref={host} className="home-plot" aria-hidden data-testid={testId} />;
}
