// A payout run in the real app on a real demo book: create the draft, see
// who is held and why, check readiness, approve with the confirmation, then
// mark everything paid; each step checked through the CLI on the same file.
// With PARTNERBOOK_SHOTS=DIR it also leaves screenshots there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
const shots = process.env.PARTNERBOOK_SHOTS;
const WAIT = 30000;
const partnerbook = (book, ...args) => JSON.parse(execFileSync(cli, ["--book", book, ...args, "--json"], { encoding: "utf8" }));

test("create, check, approve and pay a payout run", { timeout: 300000 }, async () => {
  const book = join(mkdtempSync(join(tmpdir(), "pb-payouts-")), "Demo.partnerbook");
  execFileSync(cli, ["demo", book, "--partners", "300", "--seed", "7"], { stdio: "ignore" });
  const { driver, stop } = await launch([book]);
  const shot = async (name) => {
    if (shots) writeFileSync(join(shots, `${name}.png`), await driver.takeScreenshot(), "base64");
  };
  try {
    const find = async (id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${id}`);
    const text = (el) => driver.executeScript("return arguments[0].textContent", el);
    const click = async (id) => (await find(id)).click();

    await click("nav-payouts");
    await click("payouts-new-run");
    const through = await (await find("payout-through")).getAttribute("value");
    assert.match(through, /^\d{4}-\d{2}-\d{2}$/, "a default cut-off day");
    await click("payout-create");
    await driver.wait(until.elementsLocated(byTestId("payout-line-row")), WAIT, "the draft's lines");

    const { run, lines } = partnerbook(book, "payout", "show", "1");
    assert.equal(run.status, "draft");
    assert.equal(run.through, through);
    assert.ok(run.paid_count > 0 && run.held_count > 0, "the demo has partners paid and held");
    const paidCard = await text(await find("payout-summary-paid"));
    assert.ok(paidCard.includes(String(run.paid_count)), `${paidCard} shows ${run.paid_count}`);

    // Held lines say why, in full, in the row.
    const reasonsShown = [];
    for (const cell of await driver.findElements(byTestId("payout-line-blocked"))) {
      const t = (await text(cell)).trim();
      if (t) reasonsShown.push(t);
    }
    const cliReasons = lines.rows.flatMap((l) => l.blocked);
    assert.ok(reasonsShown.length > 0, "held lines show their reasons");
    assert.ok(
      reasonsShown.some((shown) => cliReasons.some((r) => shown.includes(r))),
      `a reason from the book: ${reasonsShown[0]}`,
    );
    if (shots) {
      await driver.wait(async () => (await driver.findElements(byTestId("toast"))).length === 0, WAIT, "the toast goes");
      await shot("payout-preview");
    }

    await click("payout-step-readiness");
    await find("payout-readiness");
    const readiness = partnerbook(book, "payout", "readiness", "1");
    const items = await driver.findElements(byTestId("readiness-item"));
    assert.equal(items.length, readiness.items.length, "every item of the check is on the screen");
    await shot("payout-readiness");

    await click("payout-step-approve");
    await click("payout-approve");
    const confirm = await find("payout-approve-confirm");
    await confirm.click();
    assert.equal(partnerbook(book, "payout", "show", "1").run.status, "draft", "approving asks for the run number first");
    await (await find("payout-approve-typed")).sendKeys("1");
    await confirm.click();
    const fingerprint = await find("payout-fingerprint");
    await driver.wait(async () => (await text(fingerprint)).trim().length === 64, WAIT, "the fingerprint");
    const approved = partnerbook(book, "payout", "show", "1").run;
    assert.equal(approved.status, "approved");
    assert.equal((await text(fingerprint)).trim(), approved.fingerprint);
    await shot("payout-approved");

    await click("payout-step-paying");
    await click("payout-mark-all-paid");
    await (await find("payout-reference")).sendKeys("BANK-2026-11");
    await click("payout-mark-paid-confirm");
    await driver.wait(async () => partnerbook(book, "payout", "show", "1").run.settled_paid === run.paid_count, WAIT, "all paid");
    const paid = partnerbook(book, "payout", "show", "1", "--only", "paid").lines.rows;
    assert.ok(paid.every((l) => l.status === "paid" && l.reference === "BANK-2026-11"));
  } finally {
    await stop();
  }
});
