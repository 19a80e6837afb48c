// uPlot makes an Intl.NumberFormat of navigator.language when its module is
// first evaluated. A webview started under LANG=C reports the language "C",
// which Intl refuses with a RangeError: the import itself would throw. Read
// it as English then (as lib/moneyDisplay does for such a machine). Imported
// before "uplot" so it runs first.

function accepted(tag: string): boolean {
  try {
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

if (typeof navigator !== "undefined" && !accepted(navigator.language)) {
  Object.defineProperty(navigator, "language", { configurable: true, get: () => "en-US" });
}

export {};
