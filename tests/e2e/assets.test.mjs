// The asset library in the real app on a demo book: a card for every asset,
// the banners' thumbnails drawn, and a card's detail opening.
// With PARTNERBOOK_SHOTS=DIR it leaves a screenshot.
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
const shots = process.env.PARTNERBOOK_SHOTS;
const WAIT = 30000;

test("the library shows the demo's banners with thumbnails", { timeout: 300000 }, async () => {
  const book = join(mkdtempSync(join(tmpdir(), "pb-assets-")), "Assets.partnerbook");
  execFileSync(cli, ["demo", book, "--partners", "150", "--seed", "9"], { stdio: "ignore" });
  const library = JSON.parse(execFileSync(cli, ["--book", book, "assets", "list", "--json"], { encoding: "utf8" }));
  const { driver, stop } = await launch([book]);
  try {
    const find = async (id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${id}`);
    await (await find("nav-assets")).click();
    await driver.wait(
      async () => (await driver.findElements(byTestId("asset-card"))).length === library.length,
      WAIT,
      `${library.length} cards`,
    );
    // Thumbnails arrive as data: URLs for the banners.
    await driver.wait(
      async () =>
        (await driver.executeScript(
          "return [...document.querySelectorAll('[data-testid=asset-card] img')].filter((i) => i.src.startsWith('data:image/png') && i.naturalWidth > 0).length",
        )) >= 5,
      WAIT,
      "the banners' thumbnails",
    );
    if (shots) writeFileSync(join(shots, "assets.png"), await driver.takeScreenshot(), "base64");
    const cards = await driver.findElements(byTestId("asset-card"));
    await driver.executeScript("arguments[0].click()", cards[0]);
    const detail = await find("asset-detail");
    const title = library[0].title;
    await driver.wait(async () => (await driver.executeScript("return arguments[0].textContent", detail)).includes(title), WAIT, "its detail");
  } finally {
    await stop();
  }
});
