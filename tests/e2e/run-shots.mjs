// Screenshots of the book's first payout run (issue 21). A draft: its
// readiness (decisions first, routine holds folded) and a partner opened
// beside it. An approved run: its export step, with how each payout is
// paid and what is left by hand. Not a test.
//   PARTNERBOOK_APP=… node tests/e2e/run-shots.mjs BOOK OUT_DIR
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
  const status = await driver.wait(until.elementLocated(byTestId("payout-run-status")), 15000);
  if ((await status.getText()).includes("Draft")) {
    await driver.findElement(byTestId("payout-step-readiness")).click();
    await driver.wait(until.elementLocated(byTestId("readiness-item")), 15000);
    await shot("readiness");
    await driver.findElement(byTestId("readiness-partner")).click();
    await driver.wait(until.elementLocated(byTestId("panel-close")), 15000);
    await shot("readiness-partner");
  } else {
    await driver.wait(until.elementLocated(byTestId("payout-coverage")), 15000);
    await shot("export");
  }
} finally {
  await stop();
}
