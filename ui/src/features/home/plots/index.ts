// The home screen's charts drawn with uPlot: their own chunk, loaded after
// the key numbers are on screen (uPlot and its CSS are not in the first
// screen's JavaScript). Every drawing has a text twin in HomeCharts; the
// canvases are hidden from screen readers.
// Before "uplot" is evaluated (see lib/uplotLocale).
import "../../../lib/uplotLocale";

export { BarsPlot } from "./BarsPlot";
export { TrendPlot } from "./TrendPlot";
