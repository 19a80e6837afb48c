// The Risk screen in the real app: a demo book plants a held self-referral
// among clean partners; the manager finds it, declines its commission with
// a reason, and the book (read back with the CLI) holds the decision.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
const WAIT = 20000;
const pb = (...args) => execFileSync(cli, args, { encoding: "utf8" });

test("decline a self-referral's commission from the Risk screen", { timeout: 180000 }, async () => {
  const book = join(mkdtempSync(join(tmpdir(), "partnerbook-risk-")), "Risk.partnerbook");
  pb("demo", book, "--partners", "150", "--seed", "8");
  const { driver, stop } = await launch([book]);
  try {
    const js = (script, ...args) => driver.executeScript(script, ...args);
    await driver.wait(until.elementLocated(byTestId("nav-risk")), WAIT);
    await js(`document.querySelector('[data-testid="nav-risk"]').click()`);
    await driver.wait(async () => (await js(`return document.querySelectorAll('[data-testid="risk-flag"]').length`)) === 3, WAIT, "three planted flags");
    const count = await js(`return document.querySelector('[data-testid="risk-count"]').textContent`);
    assert.match(count, /^3 open flags · \$[\d,.]+ held$/);

    // The held one is the self-referral: select it and decline.
    await js(`
      const held = [...document.querySelectorAll('[data-testid="risk-flag"]')]
        .find((f) => f.querySelector('[data-testid="risk-flag-state"]').textContent === "Held");
      held.querySelector('input[type=checkbox]').click();`);
    await driver.wait(until.elementLocated(byTestId("risk-decline")), WAIT);
    await js(`document.querySelector('[data-testid="risk-decline"]').click()`);
    const reason = await driver.wait(until.elementLocated(byTestId("risk-reason")), WAIT);
    await reason.sendKeys("Bought through her own code");
    await js(`document.querySelector('[data-testid="risk-resolve-confirm"]').click()`);
    await driver.wait(async () => (await js(`return document.querySelectorAll('[data-testid="risk-flag"]').length`)) === 2, WAIT, "two flags left");
  } finally {
    await stop();
  }
  const declined = JSON.parse(pb("--book", book, "risk", "list", "--status", "declined", "--json"));
  assert.equal(declined.total, 1);
  assert.equal(declined.rows[0].check, "self_referral");
  assert.equal(declined.rows[0].reason, "Bought through her own code");
  const lines = JSON.parse(pb("--book", book, "commissions", "list", "--state", "declined", "--json"));
  assert.ok(lines.rows.some((l) => l.decline_reason?.includes("Bought through her own code")), JSON.stringify(lines.rows.slice(0, 2)));
});
