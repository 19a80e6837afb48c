// Screenshots of the Reports screen's program report, partner and group
// performance and unattributed sales on a demo book (its sales are in
// November 2026), at the window's default 1280x800 (and a few at the
// narrowest window, 960 wide). Prints, for each shot,
// any count, date or amount cell that is cut, any cut text without its full
// text in a title, and whether the table spills past its scroll area; then
// saves each report through the save dialog's test queue and checks the
// files are written. Not a test.
//   PARTNERBOOK_APP=… PARTNERBOOK_CLI=… node tests/e2e/reports-shots.mjs [OUT_DIR]
// OUT_DIR defaults to /tmp/reports-shots; the demo book is made there too.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
if (!cli) throw new Error("set PARTNERBOOK_CLI to the built CLI binary");
const outDir = process.argv[2] ?? "/tmp/reports-shots";
mkdirSync(outDir, { recursive: true });
const book = join(outDir, "demo.partnerbook");
rmSync(book, { force: true });
execFileSync(cli, ["demo", book, "--partners", "300", "--seed", "7"], { stdio: "inherit" });

const MONTH = "2026-11";
const [FROM, TO] = ["2026-11-01", "2026-11-30"];

// In the page: cells under `sel` that are cut. A col-fit cell (a count, a
// date, an amount) must never be; a text cell may be, with a title.
const MEASURE = `
  const cut = [], untitled = [];
  const tables = [...document.querySelectorAll(arguments[0])];
  for (const table of tables) {
    for (const td of table.querySelectorAll("tbody td")) {
      const over = td.scrollWidth > td.clientWidth + 0.5;
      const text = JSON.stringify(td.textContent.trim());
      if (td.classList.contains("col-fit")) {
        const box = td.getBoundingClientRect();
        const st = getComputedStyle(td);
        const left = box.left + parseFloat(st.paddingLeft) - 0.5;
        const right = box.right - parseFloat(st.paddingRight) + 0.5;
        const range = document.createRange();
        range.selectNodeContents(td);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (over || rects.some((r) => r.left < left || r.right > right)) cut.push(text);
      } else if (over && !td.title) {
        untitled.push(text);
      }
    }
  }
  const body = document.querySelector(".reports-body");
  return {
    rows: tables.reduce((n, t) => n + t.querySelectorAll("tbody tr").length, 0),
    cut,
    untitled,
    spill: body.scrollWidth > body.clientWidth + 0.5 ? body.scrollWidth - body.clientWidth : 0,
    viewport: window.innerWidth + "x" + window.innerHeight,
  };
`;

// Sets a controlled input's value the way typing would, so React sees it.
const SET_VALUE = `
  const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(el, arguments[1]);
  el.dispatchEvent(new Event("input", { bubbles: true }));
`;

const { driver, stop } = await launch([book]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
let problems = 0;
const shot = async (name, sel = '[data-testid="report-table"], [data-testid="report-top"]') => {
  // Toasts from the last save would hide the table.
  await driver.executeScript("document.querySelectorAll('.toast-close').forEach((b) => b.click())");
  await pause(900);
  writeFileSync(join(outDir, `${name}.png`), await driver.takeScreenshot(), "base64");
  const m = await driver.executeScript(MEASURE, sel);
  console.log(
    `${name}: ${m.viewport}, ${m.rows} rows, ${m.cut.length} count/date/amount cells cut, ` +
      `${m.untitled.length} cut without a title, spills ${m.spill}px`,
  );
  for (const c of m.cut.slice(0, 5)) console.log(`  cut ${c}`);
  for (const c of m.untitled.slice(0, 5)) console.log(`  no title ${c}`);
  problems += m.cut.length + m.untitled.length + (m.spill ? 1 : 0);
};
const click = (id) => driver.executeScript(`document.querySelector('[data-testid="${id}"]').click()`);
const setValue = (id, value) => driver.executeScript(SET_VALUE, id, value);
// Answers the next save dialog with `path`, saves, and waits for the toast.
const saveTo = async (button, path) => {
  rmSync(path, { force: true });
  await driver.executeScript("window.__PARTNERBOOK_DIALOG_ANSWERS__ = [arguments[0]]", path);
  await click(button);
  await driver.wait(async () => existsSync(path), 15000, `${path} was not written`);
  const head = readFileSync(path).subarray(0, 5).toString("latin1");
  console.log(`saved ${path} (${head.startsWith("%PDF") ? "PDF" : "text"})`);
};
const showReport = async (id, ready) => {
  await click(id);
  await driver.wait(until.elementLocated(byTestId(ready)), 15000);
};

try {
  await driver.manage().window().setRect({ width: 1280, height: 800 });
  await driver.wait(until.elementLocated(byTestId("nav-reports")), 30000);
  await click("nav-reports");
  await driver.wait(until.elementLocated(byTestId("report-month")), 15000);
  await setValue("report-month", MONTH);
  await driver.wait(until.elementLocated(byTestId("report-program-view")), 15000);
  await shot("program");
  await saveTo("report-save-pdf", join(outDir, "program.pdf"));

  await showReport("report-partners", "report-from");
  await setValue("report-from", FROM);
  await setValue("report-to", TO);
  await driver.wait(until.elementLocated(byTestId("report-table")), 15000);
  await shot("partners");
  await saveTo("report-save-csv", join(outDir, "partners.csv"));

  await showReport("report-groups", "report-table");
  await pause(500);
  await shot("groups");
  await saveTo("report-save-pdf", join(outDir, "groups.pdf"));

  await showReport("report-unattributed", "report-table");
  await pause(500);
  await shot("unattributed");
  await saveTo("report-save-csv", join(outDir, "unattributed.csv"));

  // A month with nothing in it.
  await showReport("report-program", "report-month");
  await setValue("report-month", "2025-05");
  await driver.wait(until.elementTextContains(await driver.findElement({ css: ".reports-body" }), "Nothing in this month"), 15000);
  await shot("program-empty");

  // The narrowest window the app allows: figures three across, tables still whole.
  await driver.manage().window().setRect({ width: 960, height: 800 });
  await setValue("report-month", MONTH);
  await driver.wait(until.elementLocated(byTestId("report-program-view")), 15000);
  await shot("program-960");
  await showReport("report-partners", "report-table");
  await pause(500);
  await shot("partners-960");
  await showReport("report-unattributed", "report-table");
  await pause(500);
  await shot("unattributed-960");
} finally {
  await stop();
}
console.log(problems ? `${problems} problems; shots in ${outDir}` : `nothing cut; shots in ${outDir}`);
