// Screenshots of a draft run's readiness (issue 21): decisions first,
// routine holds folded, a partner opened beside the run. Not a test.
//   PARTNERBOOK_APP=… node tests/e2e/readiness-shots.mjs BOOK OUT_DIR
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
  await driver.wait(until.elementLocated(byTestId("nav-payouts")), 30000);
  await driver.findElement(byTestId("nav-payouts")).click();
  const runs = await driver.wait(until.elementsLocated(byTestId("payout-run-row")), 15000);
  // WebKit's driver cannot click a table row itself: click its first cell.
  await runs[0].findElement(By.css("td")).click();
  await driver.wait(until.elementLocated(byTestId("payout-step-readiness")), 15000);
  await driver.findElement(byTestId("payout-step-readiness")).click();
  await driver.wait(until.elementLocated(byTestId("readiness-item")), 15000);
  await shot("readiness");
  await driver.findElement(byTestId("readiness-partner")).click();
  await driver.wait(until.elementLocated(byTestId("panel-close")), 15000);
  await shot("readiness-partner");
} finally {
  await stop();
}
