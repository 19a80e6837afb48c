// Screenshots of what issue 15 added, on a book with held sales: the
// Conversions and Commissions screens filtered to held, and Plans with its
// default. Not a test.
//   PARTNERBOOK_APP=… node tests/e2e/held-shots.mjs BOOK OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { launch, byTestId, until } from "./harness.mjs";

const [book, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const { driver, stop } = await launch([book]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const shot = async (name) => {
  await pause(900);
  writeFileSync(join(outDir, `${name}.png`), await driver.takeScreenshot(), "base64");
};
try {
  await driver.wait(until.elementLocated(byTestId("nav-conversions")), 30000);
  await driver.findElement(byTestId("nav-conversions")).click();
  await driver.wait(until.elementLocated(byTestId("conversion-row")), 15000);
  await driver.findElement(byTestId("conversions-filter-held")).click();
  await shot("conversions-held");

  await driver.findElement(byTestId("nav-commissions")).click();
  await driver.wait(until.elementLocated(byTestId("commission-row")), 15000);
  await driver.findElement(byTestId("commissions-held")).click();
  await pause(1500); // the list loads again with the filter
  const rows = await driver.wait(until.elementsLocated(byTestId("commission-row")), 15000);
  // WebKit's driver cannot click a table row itself: click its first cell.
  await rows[0].findElement(By.css("td")).click();
  await driver.wait(until.elementLocated(byTestId("commission-explain")), 10000);
  await shot("commissions-held");

  await driver.findElement(byTestId("nav-plans")).click();
  const plans = await driver.wait(until.elementsLocated(byTestId("plan-item")), 15000);
  await plans[plans.length - 1].click();
  await shot("plans");
} finally {
  await stop();
}
