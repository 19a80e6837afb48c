// Screenshots of the partner panel's Performance tab (issue 18) on a demo
// book, to look at it as a user would: a partner paid in one run and owed
// in a second, approved one (the chart, the plan and balance, the payouts
// with "Save statement"), and a partner with no sales or payouts yet.
// Not a test.
//   PARTNERBOOK_APP=… PARTNERBOOK_CLI=… node tests/e2e/performance-shots.mjs [OUT_DIR]
// OUT_DIR is /tmp/performance-shots by default.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Key } from "selenium-webdriver";
import { launch, byTestId, openPartners, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
if (!cli) throw new Error("PARTNERBOOK_CLI is the partnerbook command line");
const outDir = process.argv[2] ?? "/tmp/performance-shots";
mkdirSync(outDir, { recursive: true });
const WAIT = 30000;

const dir = mkdtempSync(join(tmpdir(), "pb-performance-"));
const book = join(dir, "Performance.partnerbook");
const run = (...args) => execFileSync(cli, ["--book", book, ...args], { encoding: "utf8" });
const json = (...args) => JSON.parse(run(...args, "--json"));

// The demo's sales are in 2026. Two approved runs: the first paid, the
// second still pending, so the partner has payouts of both states.
execFileSync(cli, ["demo", book, "--partners", "300", "--seed", "7"], { stdio: "ignore" });
run("payout", "payer", "--iban", "DE89370400440532013000", "--bic", "COBADEFFXXX");
run("commissions", "approve-due");
run("payout", "create", "--through", "2026-09-30");
run("payout", "approve", "1");
run("payout", "mark-paid", "1", "--reference", "BANK-2026-10-02-000417");
run("payout", "create", "--through", "2026-11-30");
run("payout", "approve", "2");
const paidFirst = json("payout", "show", "1").lines.rows.filter((l) => l.status === "paid");
const second = new Set(json("payout", "show", "2").lines.rows.filter((l) => l.status === "pending").map((l) => l.partner_id));
// Someone paid in another currency than the program's, in both runs if any.
const both = paidFirst.filter((l) => second.has(l.partner_id));
const pick = both.find((l) => l.pay && l.pay.currency !== "USD") ?? both[0] ?? paidFirst[0];
if (!pick) throw new Error("no partner was paid in the demo's first run");
const name = pick.partner_name;
// And one who has done nothing yet.
run("partners", "add", "--name", "Quiet Newcomer", "--email", "quiet.newcomer@example.com", "--status", "active");
console.log(`partner: ${name} (#${pick.partner_id}); book: ${book}`);

const { driver, stop } = await launch([book]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const shot = async (file) => {
  await pause(900);
  writeFileSync(join(outDir, `${file}.png`), await driver.takeScreenshot(), "base64");
  console.log(join(outDir, `${file}.png`));
};
const scrollPanel = (where) =>
  driver.executeScript(
    `const b = document.querySelector('[data-testid="partner-performance"]');
     const t = document.querySelector('[data-testid="${where}"]');
     b.scrollTop = t ? t.offsetTop - b.offsetTop - 8 : b.scrollHeight;`,
  );

async function openPerformance(partnerName) {
  const search = await driver.findElement(byTestId("partners-search"));
  await search.sendKeys(Key.chord(Key.CONTROL, "a"));
  await search.sendKeys(Key.BACK_SPACE);
  await search.sendKeys(partnerName);
  // The list re-renders as the search settles: find and click the row in one go.
  await driver.wait(
    () =>
      driver.executeScript(
        `const row = [...document.querySelectorAll('[data-testid="partner-row-name"]')].find((el) => el.textContent.trim() === arguments[0]);
         if (row) row.click();
         return !!row;`,
        partnerName,
      ),
    WAIT,
    `search finds ${partnerName}`,
  );
  await driver.wait(until.elementLocated(byTestId("tab-performance")), WAIT);
  await driver.findElement(byTestId("tab-performance")).click();
  await driver.wait(until.elementLocated(byTestId("performance-balance")), WAIT, "the performance");
}

try {
  await driver.manage().window().setRect({ width: 1280, height: 800 }).catch(() => undefined);
  await openPartners(driver, WAIT);
  await openPerformance(name);
  await driver.wait(until.elementLocated(byTestId("performance-chart")), WAIT, "the chart");
  await driver.wait(until.elementLocated({ css: '[data-testid="performance-chart"] canvas' }), WAIT, "uPlot's canvas");
  await shot("performance");
  await scrollPanel("performance-plan-section");
  await shot("performance-plan-balance");
  await scrollPanel("performance-payouts");
  await shot("performance-payouts");
  // Hover March's bars: the legend reads out the month's figures.
  await driver.executeScript("document.querySelector('[data-testid=\"partner-performance\"]').scrollTop = 0");
  const over = await driver.findElement({ css: '[data-testid="performance-chart"] .u-over' });
  const rect = await over.getRect();
  await driver.actions().move({ origin: over, x: Math.round(rect.width * 0.2), y: 0 }).perform();
  await shot("performance-hover");

  await openPerformance("Quiet Newcomer");
  await shot("performance-empty");
} catch (e) {
  await shot("failed").catch(() => undefined);
  throw e;
} finally {
  await stop();
}
