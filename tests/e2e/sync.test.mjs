// Sync in the real app: a fake PartnerStack serves a small program; the
// manager adds a connection in Settings > Connections (no keychain here, so
// its keys are kept for the session only), tests it, tries a dry run that
// writes nothing, syncs, and compares last month. The book, read back with
// the CLI, holds the partners and sales.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fakeBin = resolve(root, process.env.PARTNERBOOK_FAKE_PARTNERSTACK ?? `${process.env.CARGO_TARGET_DIR ?? "target"}/debug/fake-partnerstack`);
const WAIT = 20000;
const PARTNERS = 12;
const pb = (...args) => execFileSync(cli, args, { encoding: "utf8" });

/** Starts the fake PartnerStack; resolves with its base URL (its first line) and the process. */
function startFake(...args) {
  const proc = spawn(fakeBin, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    proc.on("error", fail);
    proc.on("exit", (code) => fail(new Error(`fake-partnerstack exited with ${code}`)));
    createInterface({ input: proc.stdout }).once("line", (url) => ok({ proc, url: url.trim() }));
  });
}

const js = (driver, script, ...args) => driver.executeScript(script, ...args);
const textOf = (driver, id) => js(driver, `return document.querySelector('[data-testid="${id}"]')?.textContent ?? null`);

/** Settings > Connections: adds the fake as "partnerstack" with its keys; checks the row and what it says of the keys. */
async function addConnection(driver, url) {
  const click = (id) => js(driver, `document.querySelector('[data-testid="${id}"]').click()`);
  const text = (id) => textOf(driver, id);
  const type = async (id, value) => (await driver.findElement(byTestId(id))).sendKeys(value);
  await driver.wait(until.elementLocated(byTestId("nav-settings")), WAIT);
  await click("nav-settings");
  await driver.wait(until.elementLocated(byTestId("connections-empty")), WAIT);
  await click("connection-add");
  await driver.wait(until.elementLocated(byTestId("connection-add-form")), WAIT);
  assert.equal(await js(driver, `return document.querySelector('[data-testid="connection-name"]').value`), "partnerstack");
  assert.equal(
    await js(driver, `return document.querySelector('[data-testid="connection-base-url"]').placeholder`),
    "https://api.partnerstack.com/api/v2",
  );
  await type("connection-base-url", url);
  await type("connection-user", "pk_test_fake");
  await type("connection-password", "sk_test_fake");
  await click("connection-save");
  await driver.wait(until.elementLocated(byTestId("connection-row")), WAIT);
  assert.equal(await text("connection-url"), url);
  assert.equal((await text("connection-keys")).trim(), "Keys saved");
  // No keychain runs here: the keys are this session's only, and the app says so.
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    await driver.wait(until.elementLocated(byTestId("connection-session-keys")), WAIT);
    assert.match(await text("connection-session-keys"), /The keys are kept only until Partnerbook closes/);
  }
  assert.equal(await js(driver, `return document.body.textContent.includes("sk_test_fake")`), false, "the secret key is never shown");
}

test("add a PartnerStack connection, sync it, and find its partners and sales in the book", { timeout: 240000 }, async () => {
  const { proc: fake, url } = await startFake("--partners", String(PARTNERS), "--sales", "4");
  try {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    const book = join(mkdtempSync(join(tmpdir(), "partnerbook-sync-")), "Sync.partnerbook");
    pb("init", book, "--name", "Acme", "--currency", "USD");

    const { driver, stop } = await launch([book]);
    let transactionsAdded;
    try {
      const run = (script, ...args) => js(driver, script, ...args);
      const click = (id) => run(`document.querySelector('[data-testid="${id}"]').click()`);
      const text = (id) => textOf(driver, id);

      await addConnection(driver, url);

      // Sync: a dry run writes nothing, then Sync now.
      await click("nav-sync");
      await driver.wait(until.elementLocated(byTestId("sync-status-never")), WAIT);
      await click("sync-dry-run");
      await driver.wait(until.elementLocated(byTestId("sync-outcome")), 60000);
      assert.match(await text("sync-outcome-summary"), /^Dry run of partnerstack: a sync now would give \d[\d,]* added.*Nothing was written\.$/);
      await driver.wait(until.elementLocated(byTestId("sync-status-never")), WAIT);

      await driver.wait(async () => run(`return !document.querySelector('[data-testid="sync-now"]').disabled`), WAIT, "Sync now enabled");
      await click("sync-now");
      await driver.wait(
        async () => (await text("sync-outcome-summary"))?.startsWith("Synced partnerstack:") ?? false,
        120000,
        "the sync's outcome",
      );
      assert.match(await text("sync-outcome-summary"), /^Synced partnerstack: \d[\d,]* added, \d+ changed, \d+ skipped, no new conflicts\./);
      assert.match(await text("sync-outcome-risk"), /^Risk checks on the new sales: /);
      const added = await run(`return Object.fromEntries([...document.querySelectorAll('[data-testid="sync-outcome-row"]')]
        .map((r) => [r.dataset.resource, Number(r.querySelector('[data-testid="sync-outcome-added"]').textContent.replace(/,/g, ""))]))`);
      assert.equal(added.partners, PARTNERS, JSON.stringify(added));
      transactionsAdded = added.transactions;
      assert.ok(transactionsAdded > 0, JSON.stringify(added));

      // The status per resource, read again after the run.
      await driver.wait(until.elementLocated(byTestId("sync-status-row")), WAIT);
      const records = await run(`return Object.fromEntries([...document.querySelectorAll('[data-testid="sync-status-row"]')]
        .map((r) => [r.dataset.resource, r.querySelector('[data-testid="sync-status-records"]').textContent]))`);
      assert.equal(records.partners, String(PARTNERS), JSON.stringify(records));
      assert.match(await text("sync-last"), /^Last synced /);

      // Platform vs ours for November 2026, the fake's month.
      await click("sync-tab-compare");
      await driver.wait(until.elementLocated(byTestId("sync-compare-period")), WAIT);
      if ((await run(`return document.querySelector('[data-testid="sync-compare-period"]').value`)) !== "2026-11") {
        await (await driver.findElement({ css: '[data-testid="sync-compare-period"] option[value="2026-11"]' })).click();
      }
      await driver.wait(until.elementLocated(byTestId("sync-compare-agree")), WAIT);
      const agree = Number((await text("sync-compare-agree")).match(/^(\d+) partners? agrees?$/)[1]);
      const differ = await run(`return document.querySelectorAll('[data-testid="sync-compare-row"]').length`);
      assert.equal(agree + differ, PARTNERS, `${agree} agree, ${differ} differ`);
    } finally {
      await stop();
    }

    // The book holds what came in.
    const status = JSON.parse(pb("--book", book, "sync", "status", "--json"));
    assert.equal(status.length, 1);
    assert.equal(status[0].connection.name, "partnerstack");
    assert.equal(status[0].connection.base_url, url);
    const partnersState = status[0].resources.find((r) => r.resource === "partners");
    assert.equal(partnersState.mapped, PARTNERS);
    assert.ok(partnersState.last_finished, JSON.stringify(partnersState));
    const partners = JSON.parse(pb("--book", book, "partners", "list", "--json"));
    assert.equal(partners.total, PARTNERS);
    const sales = JSON.parse(pb("--book", book, "conversions", "list", "--json"));
    assert.equal(sales.total, transactionsAdded);
    assert.ok(sales.rows.every((s) => s.source === "partnerstack"), JSON.stringify(sales.rows[0]));
  } finally {
    fake.kill();
  }
});

/** Settings > Connections > Replace keys on the connection's row: types the keys and saves; waits for the form to close. */
async function replaceKeys(driver, user, password) {
  await js(driver, `document.querySelector('[data-testid="connection-replace-keys"]').click()`);
  await driver.wait(until.elementLocated(byTestId("connection-keys-form")), WAIT);
  assert.equal(await js(driver, `return document.querySelector('[data-testid="connection-keys-user"]').type`), "password");
  assert.equal(await js(driver, `return document.querySelector('[data-testid="connection-keys-password"]').type`), "password");
  await (await driver.findElement(byTestId("connection-keys-user"))).sendKeys(user);
  await (await driver.findElement(byTestId("connection-keys-password"))).sendKeys(password);
  await js(driver, `document.querySelector('[data-testid="connection-keys-save"]').click()`);
  await driver.wait(async () => (await textOf(driver, "connection-keys-form")) === null, WAIT, "the keys form closes");
  assert.equal((await textOf(driver, "connection-keys")).trim(), "Keys saved");
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    assert.match(await textOf(driver, "connection-session-keys"), /The keys are kept only until Partnerbook closes/);
  }
  assert.equal(await js(driver, `return document.body.textContent.includes(arguments[0])`, password), false, "the new key is never shown");
}

/** Settings > Connections > Test; resolves with the answer's text and whether it is a success. */
async function testConnection(driver) {
  await js(driver, `document.querySelector('[data-testid="connection-test"]').click()`);
  await driver.wait(
    async () => js(driver, `const b = document.querySelector('[data-testid="connection-test"]'); return !b.disabled && !!document.querySelector('[data-testid="connection-test-result"]')`),
    60000,
    "Test's answer",
  );
  return js(
    driver,
    `const r = document.querySelector('[data-testid="connection-test-result"]'); return { text: r.textContent, ok: r.classList.contains("banner-success") }`,
  );
}

// Settings > Connections > Test asks the platform for one record (on a
// blocking thread: the blocking HTTP client once panicked on the async
// workers). With no keychain, keys last only the session: after a restart the
// connection has none, and Replace keys gives them again. Here, in one
// session, wrong keys are refused, and the fake's own keys, given again with
// Replace keys, are taken.
test("Test in Settings > Connections says the platform took the keys, and Replace keys gives new ones", { timeout: 180000 }, async () => {
  const { proc: fake, url } = await startFake("--partners", "3", "--sales", "1");
  try {
    const book = join(mkdtempSync(join(tmpdir(), "partnerbook-sync-test-")), "Test.partnerbook");
    pb("init", book, "--name", "Acme", "--currency", "USD");
    const { driver, stop } = await launch([book]);
    try {
      await addConnection(driver, url);
      const took = `PartnerStack answered at ${url} and took the keys.`;
      assert.deepEqual(await testConnection(driver), { text: took, ok: true });

      // Wrong keys: the platform refuses them, and the secret is not repeated.
      await replaceKeys(driver, "pk_test_fake", "sk_wrong");
      assert.equal(await textOf(driver, "connection-test-result"), null, "the answer about the old keys is gone");
      const refused = await testConnection(driver);
      assert.equal(refused.ok, false);
      assert.match(refused.text, /^PartnerStack refused the keys \(HTTP 401\)/);
      assert.ok(!refused.text.includes("sk_wrong"), refused.text);

      // As after a restart without a keychain: the fake's keys again, and the platform takes them.
      await replaceKeys(driver, "pk_test_fake", "sk_test_fake");
      assert.deepEqual(await testConnection(driver), { text: took, ok: true });
    } finally {
      await stop();
    }
  } finally {
    fake.kill();
  }
});
