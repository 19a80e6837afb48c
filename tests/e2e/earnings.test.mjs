// The earnings screens in the real app on a real demo book: a commission
// explained and declined, a new plan version saved from the editor, and the
// what-if of that version against the book; each checked through the CLI
// on the same file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { By, Key } from "selenium-webdriver";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
const WAIT = 30000;
const partnerbook = (book, ...args) => JSON.parse(execFileSync(cli, ["--book", book, ...args, "--json"], { encoding: "utf8" }));

test("explain and decline a commission, add a plan version, and try it in the what-if", { timeout: 300000 }, async () => {
  const book = join(mkdtempSync(join(tmpdir(), "pb-earnings-")), "Demo.partnerbook");
  execFileSync(cli, ["demo", book, "--partners", "300", "--seed", "7"], { stdio: "ignore" });
  const { driver, stop } = await launch([book]);
  try {
    const find = async (id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${id}`);
    const text = (el) => driver.executeScript("return arguments[0].textContent", el);
    const click = async (id) => (await find(id)).click();

    // Commissions: the first line's explanation, then decline it with a reason.
    await click("nav-commissions");
    const rows = await driver.wait(until.elementsLocated(byTestId("commission-row")), WAIT);
    const pending = [];
    for (const row of rows) {
      if ((await text(row)).includes("Pending")) pending.push(row);
    }
    assert.ok(pending.length > 0, "the demo has pending lines");
    const id = Number(await pending[0].getAttribute("data-id"));
    await pending[0].findElement(By.css("td")).click();
    const explain = await find("commission-explain");
    await driver.wait(async () => (await text(explain)).length > 20, WAIT, "an explanation");
    const cliSentence = execFileSync(cli, ["--book", book, "commissions", "explain", String(id)], { encoding: "utf8" }).trim();
    assert.equal((await text(explain)).trim(), cliSentence, "the app shows the engine's own sentence");
    await click("commission-decline");
    await (await find("commission-decline-reason")).sendKeys("self-referral");
    await click("commission-decline-confirm");
    await driver.wait(async () => (await text(await find("commission-panel-state"))).includes("Declined"), WAIT);
    const declined = partnerbook(book, "commissions", "list", "--state", "declined");
    assert.deepEqual(declined.rows.map((r) => [r.id, r.decline_reason]), [[id, "self-referral"]]);

    // Plans: a new version of Standard paying 35% of sales.
    await click("nav-plans");
    const plans = await driver.wait(until.elementsLocated(byTestId("plan-item")), WAIT);
    for (const p of plans) {
      if ((await text(p)).includes("Standard")) await p.click();
    }
    await driver.wait(async () => (await driver.findElements(byTestId("plan-version"))).length === 2, WAIT, "Standard has two versions");
    await click("plan-version-new");
    await find("plan-editor");
    const rate = (await driver.findElements(byTestId("rule-rate")))[0];
    await rate.sendKeys(Key.chord(Key.CONTROL, "a"));
    await rate.sendKeys(Key.BACK_SPACE);
    await rate.sendKeys("35%");
    await click("plan-save");
    await driver.wait(async () => (await driver.findElements(byTestId("plan-version"))).length === 3, WAIT, "a third version");
    const standard = partnerbook(book, "plans", "show", "Standard");
    const v3 = standard.versions[2];
    assert.equal(v3.rules[0].rate, "35%");
    assert.equal(v3.used, false);

    // What-if: last month under v3, beside what the book holds.
    await click("nav-whatif");
    const planSelect = await find("whatif-plan");
    await planSelect.findElement(By.css(`option[value="${standard.id}"]`)).click();
    const versionSelect = await find("whatif-version");
    await versionSelect.findElement(By.css(`option[value="${v3.id}"]`)).click();
    const period = await (await find("whatif-period")).getAttribute("value");
    await click("whatif-run");
    await find("whatif-result");
    const expected = partnerbook(book, "whatif", "--version", String(v3.id), "--period", period);
    assert.ok(expected.difference.minor > 0, "35% costs more than 25%");
    const shown = (await text(await find("whatif-difference"))).replace(/[^0-9.]/g, "");
    const cents = Math.abs(expected.difference.minor);
    assert.equal(shown, `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);
    const changed = await driver.findElements(byTestId("whatif-row"));
    assert.equal(changed.length, Math.min(expected.changed.length, changed.length));
    assert.ok(changed.length > 0);
    assert.equal(Number(await changed[0].getAttribute("data-id")), expected.changed[0].partner_id, "largest difference first");

    // A partner's own plan, from their panel's Earnings tab.
    await click("nav-partners");
    const names = await driver.wait(until.elementsLocated(byTestId("partner-row-name")), WAIT);
    await names[0].click();
    await click("tab-earnings");
    const pays = await find("partner-plan");
    await driver.wait(async () => (await text(pays)).length > 0, WAIT, "which plan pays");
    const select = await find("partner-plan-select");
    // The plans load after the panel: wait for the one to choose.
    let agency;
    await driver.wait(async () => {
      for (const option of await select.findElements(By.css("option"))) {
        if ((await text(option)).trim() === "Agency tiers") agency = option;
      }
      return Boolean(agency);
    }, WAIT, "the plans to choose from");
    await agency.click();
    await driver.wait(async () => (await text(pays)).includes("Agency tiers"), WAIT, "the panel shows the new plan");
    const partnerId = await (await driver.findElements(byTestId("partner-row")))[0].getAttribute("data-id");
    const onPlan = partnerbook(book, "partners", "show", partnerId);
    assert.equal(onPlan.plan_name, "Agency tiers");
    assert.ok(onPlan.plan_id !== null, "a plan of their own");
    await find("partner-commissions");
  } finally {
    await stop();
  }
});
