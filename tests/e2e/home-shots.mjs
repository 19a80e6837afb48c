// Screenshots of the Home screen (issue 18) on a demo book (its sales are in
// 2026, up to November), at the window's default 1280x800 and at the
// smallest window, 960x600: the key numbers and what needs attention, the
// charts, a bar clicked through to the partner behind it, and a new book's
// Get started guide. Prints, for each shot, how long the key numbers and
// the attention took to show (figures, not a test), how many cards sit in
// a row, any card whose text is cut, and whether the screen spills sideways.
// Not a test.
//   PARTNERBOOK_APP=… PARTNERBOOK_CLI=… node tests/e2e/home-shots.mjs [OUT_DIR]
// OUT_DIR defaults to /tmp/home-shots; the books are made there too.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
if (!cli) throw new Error("set PARTNERBOOK_CLI to the built CLI binary");
const outDir = process.argv[2] ?? "/tmp/home-shots";
mkdirSync(outDir, { recursive: true });
const book = join(outDir, "demo.partnerbook");
const fresh = join(outDir, "new.partnerbook");
rmSync(book, { force: true });
rmSync(fresh, { force: true });
execFileSync(cli, ["demo", book, "--partners", "300", "--seed", "7"], { stdio: "inherit" });
execFileSync(cli, ["init", fresh, "--name", "Fresh Start", "--currency", "USD"], { stdio: "inherit" });

// The demo's last month with sales; "This month" on this computer may hold none.
const [FROM, TO] = ["2026-11", "2026-11"];
const WAIT = 30000;

// In the page: cards per row, cards whose text is cut, sideways spill.
const MEASURE = `
  const cards = [...document.querySelectorAll(".home-card")];
  const tops = cards.filter((c) => c.closest("[data-testid=home-key-numbers]")).map((c) => Math.round(c.getBoundingClientRect().top));
  const perRow = tops.filter((t) => t === tops[0]).length;
  const cut = cards.filter((c) => [...c.querySelectorAll("span")].some((s) => s.scrollWidth > s.clientWidth + 0.5 && getComputedStyle(s).overflow !== "visible"));
  const wide = cards.filter((c) => c.scrollWidth > c.clientWidth + 0.5).map((c) => c.dataset.testid);
  const body = document.querySelector(".home-body");
  return {
    perRow,
    cut: cut.map((c) => c.dataset.testid).concat(wide),
    spill: body && body.scrollWidth > body.clientWidth + 0.5 ? body.scrollWidth - body.clientWidth : 0,
    viewport: window.innerWidth + "x" + window.innerHeight,
  };
`;

// Sets a controlled input's or select's value the way a person would, so React sees it.
const SET_VALUE = `
  const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, arguments[1]);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
`;

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
let problems = 0;

async function session(path, body) {
  const started = Date.now();
  const { driver, stop } = await launch([path]);
  const shot = async (name, scroll = 0) => {
    await driver.executeScript("const b = document.querySelector('.home-body'); if (b) b.scrollTop = arguments[0]", scroll);
    await pause(700);
    writeFileSync(join(outDir, `${name}.png`), await driver.takeScreenshot(), "base64");
    const m = await driver.executeScript(MEASURE);
    console.log(`${name}: ${m.viewport}, ${m.perRow} key cards a row, ${m.cut.length} cards cut, spills ${m.spill}px`);
    for (const c of m.cut) console.log(`  cut ${c}`);
    problems += m.cut.length + (m.spill ? 1 : 0);
  };
  const click = (id) => driver.executeScript(`document.querySelector('[data-testid="${id}"]').click()`);
  const setValue = (id, value) => driver.executeScript(SET_VALUE, id, value);
  const ready = async () => {
    await driver.wait(until.elementLocated(byTestId("home-card-revenue")), WAIT, "the key numbers");
    const numbers = Date.now() - started;
    await driver.wait(
      () => driver.executeScript(`return document.querySelector('[data-testid="home-attention"]')?.dataset.state === "ready"`),
      WAIT,
      "the attention row",
    );
    console.log(`key numbers after ${numbers} ms, attention after ${Date.now() - started} ms (from launch)`);
  };
  try {
    await driver.manage().window().setRect({ width: 1280, height: 800 });
    await body({ driver, shot, click, setValue, ready });
  } finally {
    await stop();
  }
}

await session(book, async ({ driver, shot, click, setValue, ready }) => {
  await ready();
  await shot("home-this-month");

  // November, the demo's last month of sales, against October.
  await setValue("home-period", "custom");
  await setValue("home-from", FROM);
  await setValue("home-to", TO);
  await driver.wait(until.elementTextContains(await driver.findElement(byTestId("home-card-sales")), "vs Oct 2026"), WAIT);
  await driver.wait(until.elementLocated({ css: '[data-testid="home-top-plot"] canvas' }), WAIT, "the charts");
  await shot("home-november");
  await shot("home-november-charts", 520);
  await shot("home-november-charts-2", 1200);

  await setValue("home-period", "last_12");
  await driver.wait(until.elementTextContains(await driver.findElement(byTestId("home-card-sales")), "vs previous 12 months"), WAIT);
  await shot("home-last-12");
  await shot("home-last-12-charts", 520);

  // A bar clicked through: the first of the top partners opens their panel.
  await driver.executeScript("document.querySelector('[data-testid=\"home-chart-top\"]').scrollIntoView({ block: 'center' })");
  await pause(500);
  const over = await driver.findElement({ css: '[data-testid="home-top-plot"] .u-over' });
  const rect = await over.getRect();
  await driver
    .actions()
    .move({ origin: over, x: 0, y: Math.round(-rect.height / 2 + 12) })
    .pause(300)
    .click()
    .perform();
  await driver.wait(until.elementLocated(byTestId("partner-panel")), WAIT, "the partner's panel");
  await shot("home-bar-to-partner");

  // Back Home (the period is remembered), then the smallest window.
  await click("nav-home");
  await driver.manage().window().setRect({ width: 960, height: 600 });
  await driver.wait(until.elementLocated(byTestId("home-card-revenue")), WAIT);
  await pause(800);
  await shot("home-960");
  await shot("home-960-charts", 700);
});

await session(fresh, async ({ driver, shot }) => {
  await driver.wait(until.elementLocated(byTestId("home-get-started")), WAIT, "the Get started guide");
  await shot("home-new-book");
});

console.log(problems ? `${problems} problems; shots in ${outDir}` : `nothing cut; shots in ${outDir}`);
