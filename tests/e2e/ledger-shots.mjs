// Screenshots of the Conversions and Commissions tables on a demo book, at
// the window's default 1280x800, at a narrower 1024x768 and at the smallest
// the window may be, 960x600, to see that no
// date or amount is cut (long text may be, with an ellipsis). Also prints,
// for each shot, any date or amount cell whose text is wider than its box
// and whether the table spills past its scroll area. Not a test.
//   PARTNERBOOK_APP=… PARTNERBOOK_CLI=… node tests/e2e/ledger-shots.mjs [OUT_DIR]
// OUT_DIR defaults to /tmp/ledger-shots; the demo book is made there too.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
if (!cli) throw new Error("set PARTNERBOOK_CLI to the built CLI binary");
const outDir = process.argv[2] ?? "/tmp/ledger-shots";
mkdirSync(outDir, { recursive: true });
const book = join(outDir, "demo.partnerbook");
rmSync(book, { force: true });
execFileSync(cli, ["demo", book, "--partners", "500", "--seed", "42"], { stdio: "inherit" });

// In the page: for the table under `sel`, the date and amount columns (found
// by their header) whose cells, or anything in them, are cut.
const MEASURE = `
  const table = document.querySelector(arguments[0]);
  const scroll = table.closest(".ltable-scroll") ?? table.parentElement;
  const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  const watched = heads.map((h, i) => [h, i]).filter(([h]) => /^(Date|Amount|Due on)$/.test(h));
  const cut = [];
  for (const tr of table.querySelectorAll("tbody tr")) {
    for (const [h, i] of watched) {
      const td = tr.children[i];
      if (!td) continue;
      const say = (why) => cut.push(h + ": " + JSON.stringify(td.textContent.trim()) + " " + why);
      const box = td.getBoundingClientRect();
      const st = getComputedStyle(td);
      const left = box.left + parseFloat(st.paddingLeft) - 0.5;
      const right = box.right - parseFloat(st.paddingRight) + 0.5;
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (!t.textContent.trim() || t.parentElement.closest(".ltable-sub")) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1) { say("wraps"); break; }
        if (rects.some((r) => r.left < left || r.right > right)) { say("is wider than its cell"); break; }
        let el = t.parentElement, clipped = false;
        for (; el && td.contains(el); el = el.parentElement) {
          if (getComputedStyle(el).overflowX !== "visible" && el.scrollWidth > el.clientWidth + 0.5) { clipped = true; break; }
        }
        if (clipped) { say("is clipped (" + el.scrollWidth + " > " + el.clientWidth + ")"); break; }
      }
    }
  }
  const widths = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim() + "=" + Math.round(th.getBoundingClientRect().width));
  return {
    rows: table.querySelectorAll("tbody tr").length,
    cut,
    spill: scroll.scrollWidth > scroll.clientWidth + 0.5 ? scroll.scrollWidth - scroll.clientWidth : 0,
    widths: widths.join(" "),
    viewport: window.innerWidth + "x" + window.innerHeight,
  };
`;

const { driver, stop } = await launch([book]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
let problems = 0;
const shot = async (name, sel) => {
  await pause(900);
  writeFileSync(join(outDir, `${name}.png`), await driver.takeScreenshot(), "base64");
  const m = await driver.executeScript(MEASURE, sel);
  console.log(`${name}: ${m.viewport}, ${m.rows} rows, ${m.cut.length} date/amount cells cut, table spills ${m.spill}px; ${m.widths}`);
  for (const c of m.cut.slice(0, 5)) console.log(`  cut ${c}`);
  problems += m.cut.length + (m.spill ? 1 : 0);
};
const click = (id) => driver.executeScript(`document.querySelector('[data-testid="${id}"]').click()`);

const tour = async (size) => {
  await click("nav-conversions");
  await driver.wait(until.elementLocated(byTestId("conversion-row")), 15000);
  await shot(`conversions-${size}`, '[data-testid="conversions-table"] table');
  await click("conversions-filter-unattributed");
  await pause(500);
  await shot(`conversions-unattributed-${size}`, '[data-testid="conversions-table"] table');
  await click("conversions-filter-unattributed");

  await click("nav-commissions");
  await driver.wait(until.elementLocated(byTestId("commission-row")), 15000);
  await shot(`commissions-${size}`, '[data-testid="commissions-table"]');
  // With a line open the panel takes the right side and the table narrows.
  const rows = await driver.findElements(byTestId("commission-row"));
  await rows[2].findElement(By.css("td")).click();
  await driver.wait(until.elementLocated(byTestId("commission-panel")), 10000);
  await shot(`commissions-panel-${size}`, '[data-testid="commissions-table"]');
  await click("commission-panel-close");
  // Held lines have no amount: "held" and what is missing, which is text.
  await click("commissions-held");
  await pause(500);
  await shot(`commissions-held-${size}`, '[data-testid="commissions-table"]');
  await click("commissions-held");
};

try {
  await driver.wait(until.elementLocated(byTestId("nav-conversions")), 30000);
  await tour("1280x800");
  await driver.manage().window().setRect({ width: 1024, height: 768 });
  await pause(500);
  await tour("1024x768");
  // The smallest the window may be (tauri.conf.json).
  await driver.manage().window().setRect({ width: 960, height: 600 });
  await pause(500);
  await tour("960x600");
} finally {
  await stop();
}
console.log(problems ? `${problems} problems; shots in ${outDir}` : `no date or amount cut; shots in ${outDir}`);
