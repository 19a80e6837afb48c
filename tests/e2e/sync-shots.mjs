// Screenshots of Sync at 1280x800, to look at it as a user would: the empty
// Sync screen, Settings > Connections (the add form, the connection with its
// session-only keys, the remove dialog), and the Sync screen before, during
// and after a sync of a fake PartnerStack (its status, conflicts and the
// comparison of November 2026), then a second connection whose sync is
// refused. Last, the app restarted with no keychain: the session's keys are
// gone, Sync and Settings say so and point to Replace keys, whose form gives
// them again (and Test then passes). Not a test.
//   PARTNERBOOK_APP=… PARTNERBOOK_CLI=… node tests/e2e/sync-shots.mjs OUT_DIR
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { launch, byTestId, until } from "./harness.mjs";

const [outDir = "/tmp/partnerbook-sync-shots"] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fakeBin = resolve(root, process.env.PARTNERBOOK_FAKE_PARTNERSTACK ?? `${process.env.CARGO_TARGET_DIR ?? "target"}/debug/fake-partnerstack`);

// Enough partners for a few pages, paced so the progress bar can be seen.
const fake = spawn(fakeBin, ["--partners", "400", "--sales", "3", "--rate", "3"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((ok, fail) => {
  fake.on("error", fail);
  createInterface({ input: fake.stdout }).once("line", (line) => ok(line.trim()));
});
const book = join(mkdtempSync(join(tmpdir(), "partnerbook-sync-shots-")), "Acme.partnerbook");
execFileSync(process.env.PARTNERBOOK_CLI, ["init", book, "--name", "Acme", "--currency", "USD"]);

let { driver, stop } = await launch([book]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const shot = async (name, wait = 900) => {
  await pause(wait);
  const file = join(outDir, `${name}.png`);
  writeFileSync(file, await driver.takeScreenshot(), "base64");
  console.log(file);
};
const click = (id) => driver.executeScript(`document.querySelector('[data-testid="${id}"]').click()`);
const type = async (id, value) => (await driver.findElement(byTestId(id))).sendKeys(value);
// Brings a section to the top, with a little room above it.
const show = (id) =>
  driver.executeScript(`const el = document.querySelector('[data-testid="${id}"]');
    el.scrollIntoView({ block: "start" });
    el.closest(".settings-scroll")?.scrollBy(0, -16);`);
try {
  await driver.wait(until.elementLocated(byTestId("nav-sync")), 30000);
  await click("nav-sync");
  await driver.wait(until.elementLocated(byTestId("sync-empty")), 10000);
  await shot("sync-empty");

  // The empty state's button leads to Settings > Connections.
  await click("sync-open-connections");
  await driver.wait(until.elementLocated(byTestId("connections-empty")), 10000);
  await click("connection-add");
  await driver.wait(until.elementLocated(byTestId("connection-add-form")), 5000);
  await type("connection-base-url", url);
  await type("connection-user", "pk_test_fake");
  await type("connection-password", "sk_test_fake");
  await show("settings-connections");
  await shot("settings-connections-add");
  await click("connection-save");
  await driver.wait(until.elementLocated(byTestId("connection-row")), 10000);
  await show("settings-connections");
  await shot("settings-connections");
  await click("connection-remove");
  await driver.wait(until.elementLocated(byTestId("connection-remove-dialog")), 5000);
  await shot("settings-connections-remove");
  await driver.executeScript("document.querySelector('.dialog-close').click()");

  await click("nav-sync");
  await driver.wait(until.elementLocated(byTestId("sync-status-never")), 10000);
  await shot("sync-before");
  await click("sync-now");
  await driver.wait(until.elementLocated(byTestId("sync-job")), 10000);
  await shot("sync-running", 2500);
  await driver.wait(until.elementLocated(byTestId("sync-outcome")), 180000);
  await driver.wait(until.elementLocated(byTestId("sync-status-row")), 10000);
  await shot("sync-done");
  await driver.executeScript(`document.querySelector('.sync-body').scrollTo(0, 10000)`);
  await shot("sync-done-scrolled");
  await driver.executeScript(`document.querySelector('[aria-label="Close the outcome"]').click()`);
  await shot("sync-status");
  await click("sync-tab-conflicts");
  await shot("sync-conflicts");
  await click("sync-tab-compare");
  await driver.wait(until.elementLocated(byTestId("sync-compare-period")), 10000);
  const month = await driver.executeScript(`return document.querySelector('[data-testid="sync-compare-period"]').value`);
  if (month !== "2026-11") {
    await (await driver.findElement({ css: '[data-testid="sync-compare-period"] option[value="2026-11"]' })).click();
  }
  await driver.wait(until.elementLocated(byTestId("sync-compare-counts")), 10000);
  await shot("sync-compare");

  // A second connection with a wrong secret key: the picker, and a refused sync.
  await click("nav-settings");
  // Add connection is disabled until the list has loaded.
  await driver.wait(until.elementLocated(byTestId("connection-row")), 10000);
  await click("connection-add");
  await driver.wait(until.elementLocated(byTestId("connection-add-form")), 5000);
  const name = await driver.findElement(byTestId("connection-name"));
  await name.clear();
  await name.sendKeys("partnerstack-eu");
  await type("connection-base-url", url);
  await type("connection-user", "pk_test_fake");
  await type("connection-password", "sk_wrong");
  await click("connection-save");
  await driver.wait(async () => (await driver.findElements(byTestId("connection-row"))).length === 2, 10000);
  await click("nav-sync");
  await driver.wait(until.elementLocated(byTestId("sync-connection")), 10000);
  await (await driver.findElement({ css: '[data-testid="sync-connection"] option[value="partnerstack-eu"]' })).click();
  await click("sync-now");
  await driver.wait(until.elementLocated(byTestId("sync-error")), 60000);
  await shot("sync-error");

  // Restarted with no keychain: the keys of both connections are gone.
  await stop();
  ({ driver, stop } = await launch([book]));
  await driver.wait(until.elementLocated(byTestId("nav-sync")), 30000);
  await click("nav-sync");
  await driver.wait(until.elementLocated(byTestId("sync-no-keys")), 10000);
  await shot("sync-no-keys");
  await click("sync-no-keys-open");
  await driver.wait(until.elementLocated(byTestId("connection-no-keys")), 10000);
  await show("settings-connections");
  await shot("settings-connections-no-keys");
  await click("connection-replace-keys");
  await driver.wait(until.elementLocated(byTestId("connection-keys-form")), 5000);
  await type("connection-keys-user", "pk_test_fake");
  await type("connection-keys-password", "sk_test_fake");
  await show("settings-connections");
  await shot("settings-connections-replace-keys");
  await click("connection-keys-save");
  await driver.wait(async () => (await driver.findElements(byTestId("connection-keys-form"))).length === 0, 10000);
  await click("connection-test");
  await driver.wait(until.elementLocated(byTestId("connection-test-result")), 30000);
  await show("settings-connections");
  await shot("settings-connections-replaced");
} finally {
  await stop();
  fake.kill();
}
