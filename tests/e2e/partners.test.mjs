// The real app, end to end: under Xvfb, driven over WebDriver through
// tauri-driver and WebKitWebDriver. Creates a book, adds a partner with a
// non-ASCII name, finds it by search, edits it, saves a screenshot, then
// reads the book file back with the CLI to check what was really stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Key } from "selenium-webdriver";
import { launch, byTestId, openPartners, until } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const cli = process.env.PARTNERBOOK_CLI;
const WAIT = 20000;

test("create a book, add, find and edit a partner", { timeout: 180000 }, async () => {
  const { driver, stop } = await launch();
  try {
    const find = async (id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${id}`);
    // textContent, not getText(): WebKitWebDriver reports "" for text in
    // ellipsis-clipped boxes, which is not what a person sees.
    const text = (el) => driver.executeScript("return arguments[0].textContent", el);
    const waitText = async (id, pred, what) => driver.wait(async () => pred(await text(await find(id))), WAIT, `${id}: ${what}`);

    // Start screen: name the program; the suggested path fills in.
    const name = await find("create-name");
    await name.sendKeys("Zoë's Test Program");
    const pathInput = await find("create-path");
    await driver.wait(async () => (await pathInput.getAttribute("value")).includes("Zoë's Test Program"), WAIT);
    const bookPath = await pathInput.getAttribute("value");
    assert.match(bookPath, /Zoë's Test Program\.partnerbook$/);
    await (await find("create-submit")).click();
    await waitText("book-title", (t) => t === "Zoë's Test Program", "the new book is open");
    // A new book opens on Home, which offers its first steps.
    await find("home-get-started");
    await openPartners(driver, WAIT);

    // Add a partner with a non-ASCII name.
    await (await find("partners-add")).click();
    await find("partner-panel");
    await (await find("field-name")).sendKeys("Łukasz Wiśniewski");
    await (await find("field-email")).sendKeys("lukasz@example.pl");
    await (await find("field-country")).sendKeys("PL");
    await (await find("partner-save")).click();
    await waitText("partners-count", (t) => /\b1 partner\b/.test(t), "one partner");

    // Find it by search, with and without the accents.
    const search = await find("partners-search");
    // Separate calls: WebKitWebDriver keeps Ctrl held for the rest of one sendKeys.
    const retype = async (el, typed) => {
      await el.sendKeys(Key.chord(Key.CONTROL, "a"));
      await el.sendKeys(Key.BACK_SPACE);
      await el.sendKeys(typed);
    };
    for (const typed of ["wiśn", "lukasz"]) {
      await retype(search, typed);
      await driver.wait(async () => {
        const names = await driver.findElements(byTestId("partner-row-name"));
        return names.length === 1 && (await text(names[0])) === "Łukasz Wiśniewski";
      }, WAIT, `search "${typed}" finds the partner`);
    }
    await retype(search, "nobody-like-this");
    await find("partners-empty");
    await retype(search, "łukasz");

    // Open it from the table and edit it.
    const rowName = await driver.wait(until.elementLocated(byTestId("partner-row-name")), WAIT);
    await rowName.click();
    const company = await find("field-company");
    await driver.wait(async () => (await (await find("field-email")).getAttribute("value")) === "lukasz@example.pl", WAIT);
    await company.sendKeys("Wiśniewski Media");
    await (await find("partner-save")).click();
    await driver.wait(async () => !(await (await find("partner-save")).isEnabled()), WAIT, "saved");
    await driver.wait(async () => {
      const rows = await driver.findElements(byTestId("partner-row"));
      return rows.length === 1 && (await text(rows[0])).includes("Wiśniewski Media");
    }, WAIT, "the table shows the new company");

    const out = join(here, "output");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "partners.png"), await driver.takeScreenshot(), "base64");

    await stop();
    // What the app wrote, read back from the file by the CLI.
    if (cli) {
      const shown = JSON.parse(execFileSync(cli, ["--book", bookPath, "partners", "show", "lukasz@example.pl", "--json"]));
      assert.equal(shown.name, "Łukasz Wiśniewski");
      assert.equal(shown.company, "Wiśniewski Media");
      assert.equal(shown.country, "PL");
      const timeline = JSON.parse(execFileSync(cli, ["--book", bookPath, "partners", "timeline", "lukasz@example.pl", "--json"]));
      assert.deepEqual(timeline.map((a) => a.summary), ["Updated company", "Added as active"]);
    }
  } catch (e) {
    // Keep what the screen showed when it went wrong.
    mkdirSync(join(here, "output"), { recursive: true });
    await driver.takeScreenshot().then((png) => writeFileSync(join(here, "output", "failure.png"), png, "base64")).catch(() => {});
    throw e;
  } finally {
    await stop().catch(() => {});
  }
});
