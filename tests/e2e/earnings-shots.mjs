// Screenshots of the earnings screens on a demo book, to look at them as a
// user would. Not a test.
//   PARTNERBOOK_APP=… node tests/e2e/earnings-shots.mjs BOOK OUT_DIR
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
  await shot("conversions");
  await driver.findElement(byTestId("conversions-filter-unattributed")).click();
  await shot("conversions-unattributed");

  await driver.findElement(byTestId("nav-commissions")).click();
  const rows = await driver.wait(until.elementsLocated(byTestId("commission-row")), 15000);
  // WebKit's driver cannot click a table row itself: click its first cell.
  await rows[2].findElement(By.css("td")).click();
  await driver.wait(until.elementLocated(byTestId("commission-explain")), 10000);
  await shot("commissions");

  await driver.findElement(byTestId("nav-plans")).click();
  await driver.wait(until.elementLocated(byTestId("plan-item")), 15000);
  await shot("plans");
  await driver.findElement(byTestId("plan-version-new")).click();
  await driver.wait(until.elementLocated(byTestId("plan-editor")), 10000);
  await shot("plan-editor");
  await driver.findElement(byTestId("plan-cancel")).click();

  await driver.findElement(byTestId("nav-whatif")).click();
  await driver.wait(until.elementLocated(byTestId("whatif-run")), 15000);
  // Last month under Standard's first version: what the raise to v2 cost.
  for (const option of await driver.findElement(byTestId("whatif-plan")).findElements(By.css("option"))) {
    if ((await option.getText()).includes("Standard")) await option.click();
  }
  for (const option of await driver.findElement(byTestId("whatif-version")).findElements(By.css("option"))) {
    if ((await option.getText()).startsWith("v1")) await option.click();
  }
  await driver.findElement(byTestId("whatif-run")).click();
  await driver.wait(until.elementLocated(byTestId("whatif-result")), 60000);
  await shot("whatif");

  await driver.findElement(byTestId("nav-partners")).click();
  const names = await driver.wait(until.elementsLocated(byTestId("partner-row-name")), 15000);
  await names[1].click();
  await driver.wait(until.elementLocated(byTestId("tab-earnings")), 10000);
  await driver.findElement(byTestId("tab-earnings")).click();
  await driver.wait(until.elementLocated(byTestId("partner-commissions")), 10000);
  await shot("partner-earnings");
} finally {
  await stop();
}
