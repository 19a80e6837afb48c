// What the home screen's uPlot drawings share: the colours of the app's
// tokens, and a plot kept as wide as its box that reports clicks.
import { useEffect, useRef } from "react";
import "../../../lib/uplotLocale";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { cssVar } from "../../../lib/chartFormat";

export type Colors = { accent: string; soft: string; faint: string; grid: string; ink: string; strong: string; font: string };

export function colors(el: Element): Colors {
  const font = cssVar(el, "--font-sans", "sans-serif");
  return {
    accent: cssVar(el, "--accent", "#4f46e5"),
    soft: cssVar(el, "--home-bar", "#a5b4fc"),
    faint: cssVar(el, "--home-bar-faint", "#e0e7ff"),
    grid: cssVar(el, "--border", "#e4e7ec"),
    ink: cssVar(el, "--text-muted", "#667085"),
    strong: cssVar(el, "--text-secondary", "#475467"),
    font: `11px ${font}`,
  };
}

/**
 * Makes the plot in `host` from `make` and keeps it as wide as its box;
 * remade when `deps` change. A click on the plot picks the index under the
 * cursor.
 */
export function usePlot(make: (el: HTMLDivElement, width: number) => { opts: uPlot.Options; data: uPlot.AlignedData }, deps: unknown[], onPick?: (i: number) => void) {
  const host = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = () => Math.max(el.clientWidth, 200);
    const { opts, data } = make(el, width());
    const plot = new uPlot(opts, data, el);
    const click = () => {
      const i = plot.cursor.idx;
      if (i != null && pick.current) pick.current(i);
    };
    plot.over.addEventListener("click", click);
    plot.over.style.cursor = pick.current ? "pointer" : "default";
    const resize =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(() => {
            if (width() !== plot.width) plot.setSize({ width: width(), height: plot.height });
          });
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot.over.removeEventListener("click", click);
      plot.destroy();
    };
    // `make` is rebuilt every render; `deps` say when the drawing changes.
  }, deps);

  return host;
}

