// Takes the README's screenshot: the demo book's partners screen with one
// partner open. Not a test.
//   PARTNERBOOK_APP=… node tests/e2e/readme-shot.mjs BOOK OUT.png
import { writeFileSync } from "node:fs";
import { launch, byTestId, openPartners, until } from "./harness.mjs";

const [book, out] = process.argv.slice(2);
const { driver, stop } = await launch([book]);
try {
  await openPartners(driver);
  const names = await driver.wait(until.elementsLocated(byTestId("partner-row-name")), 30000);
  await names[3].click();
  await driver.wait(until.elementLocated(byTestId("partner-panel")), 10000);
  await new Promise((r) => setTimeout(r, 800));
  writeFileSync(out, await driver.takeScreenshot(), "base64");
} finally {
  await stop();
}
