// A whole month-end in the real app on a 500-partner demo book, as a
// manager does it: import November's sales, approve what is due, make the
// payout run, resolve the readiness check (two partners share a PayPal
// address; one is corrected in the partner panel beside the run), approve,
// write every payment file and the list to pay by hand, write and queue the
// statements, mark the run paid. Native file dialogs are answered through
// the app's dialog queue (WebDriver cannot reach them).
//
// It fails if any payout in the files goes to an account other than the
// partner's at approval, or if a step is not recorded on the run. It counts
// the clicks, typed fields and file dialogs a person needs, and writes them
// to tests/e2e/output/month-end-counts.json (the README quotes them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { Key } from "selenium-webdriver";
import { launch, byTestId, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
const shots = process.env.PARTNERBOOK_SHOTS;
const WAIT = 60000;
const here = dirname(fileURLToPath(import.meta.url));
const json = (book, ...args) => JSON.parse(execFileSync(cli, ["--book", book, ...args, "--json"], { encoding: "utf8" }));
const run = (book, ...args) => execFileSync(cli, ["--book", book, ...args], { encoding: "utf8" });
const csv = (path) => parse(readFileSync(path), { columns: true, skip_empty_lines: true });

test("a month-end on 500 partners pays every partner to their own account", { timeout: 600000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "pb-month-end-"));
  const book = join(dir, "Month end.partnerbook");
  execFileSync(cli, ["demo", book, "--partners", "500", "--seed", "21"], { stdio: "ignore" });
  run(book, "payout", "payer", "--iban", "DE89370400440532013000", "--bic", "COBADEFFXXX");
  // Last month's sales for two partners, in the generic layout, old enough
  // that their 30-day hold is over: approving what is due takes them.
  const day = (daysAgo) => new Date(Date.now() - daysAgo * 86400000).toISOString().slice(0, 10);
  const now = new Date();
  const lastOfLastMonth = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0)).toISOString().slice(0, 10);
  run(book, "partners", "export", "--out", join(dir, "partners.csv"));
  const coded = csv(join(dir, "partners.csv"))
    .filter((p) => p.status === "active" && p.referral_codes)
    .slice(0, 2);
  const sales = ["external_id,kind,occurred_at,amount,currency,referral_code"];
  coded.forEach((p, i) => sales.push(`last-month-${i},sale,${day(35 + i)},120.00,USD,${p.referral_codes.split(";")[0].trim()}`));
  writeFileSync(join(dir, "november.csv"), sales.join("\n") + "\n");
  // Two partners paid by PayPal share one address: a typo made when the
  // second one's details were entered. (A trial draft finds two who will be
  // paid; it is discarded, so the app's run is the next number.)
  run(book, "payout", "create", "--through", lastOfLastMonth);
  const trial = json(book, "payout", "show", "1").lines.rows.filter((l) => l.method === "paypal" && l.status === "draft");
  run(book, "payout", "discard", "1");
  assert.ok(trial.length >= 2, "two PayPal payees");
  const [ana, bo] = trial;
  const anaEmail = json(book, "partners", "show", String(ana.partner_id)).payout.email;
  run(book, "partners", "update", String(bo.partner_id), "--payout-email", anaEmail);

  const { driver, stop } = await launch([book]);
  const counts = { clicks: 0, typed: 0, dialogs: 0 };
  const shot = async (name) => {
    if (shots) writeFileSync(join(shots, `${name}.png`), await driver.takeScreenshot(), "base64");
  };
  try {
    const find = async (id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${id}`);
    const text = (el) => driver.executeScript("return arguments[0].textContent", el);
    const click = async (el) => {
      counts.clicks += 1;
      if (typeof el !== "string") return el.click();
      // React may replace the element between finding and clicking it: find it again.
      for (let attempt = 0; ; attempt++) {
        try {
          return await (await find(el)).click();
        } catch (e) {
          if (e.name !== "StaleElementReferenceError" || attempt === 4) throw e;
        }
      }
    };
    const type = async (el, keys) => {
      counts.typed += 1;
      await el.sendKeys(keys);
    };
    // The next native dialog answers `path`, as a person picking it would.
    const answer = async (path) => {
      counts.dialogs += 1;
      await driver.executeScript("(window.__PARTNERBOOK_DIALOG_ANSWERS__ ||= []).push(arguments[0])", path);
    };
    // Waits until the element's text matches `re`, finding it again each time:
    // React may replace it while we look.
    const waitText = (id, re, what) =>
      driver.wait(
        async () => {
          try {
            return re.test(await text(await driver.findElement(byTestId(id))));
          } catch {
            return false;
          }
        },
        WAIT,
        what,
      );
    // Asked in the page: WebKit's driver can fail on elements going away.
    const gone = (id) =>
      driver.wait(() => driver.executeScript(`return !document.querySelector('[data-testid="${id}"]')`), WAIT, `${id} stays`);

    // 1. Import November's sales: choose the file, check it, import.
    await click("nav-conversions");
    await click("conversions-import");
    await answer(join(dir, "november.csv"));
    await click("conversions-import-choose");
    await click("conversions-import-check");
    await waitText("conversions-import-result", /would be recorded/, "the check");
    await click("conversions-import-run");
    await waitText("conversions-import-result", /2 recorded/, "the import");
    await click("conversions-import-done");

    // 2. Approve what is due: the dialog says how many and how much first.
    await click("nav-commissions");
    await click("commissions-approve-due");
    await waitText("commissions-approve-preview", /Due by then: \d+ commission lines?, /, "the preview");
    const pending = json(book, "commissions", "list", "--state", "pending").total;
    await click("commissions-approve-confirm");
    await gone("commissions-approve-dialog");
    assert.ok(json(book, "commissions", "list", "--state", "pending").total < pending, "the imported sales are approved");

    // 3. The payout run through the end of November.
    await click("nav-payouts");
    await click("payouts-new-run");
    // The cut-off offered is the last day of last month.
    assert.equal(await (await find("payout-through")).getAttribute("value"), lastOfLastMonth);
    await click("payout-create");
    await driver.wait(until.elementsLocated(byTestId("payout-line-row")), WAIT, "the draft's lines");

    const runId = json(book, "payout", "list").find((r) => r.status === "draft").id;
    const draft = json(book, "payout", "show", String(runId));
    for (const id of [ana.partner_id, bo.partner_id]) {
      assert.equal(draft.lines.rows.find((l) => l.partner_id === id).status, "held", `partner #${id} shares an address`);
    }

    // 4. Readiness: the shared address leads, both are held; Bo is corrected
    //    in the partner panel beside the run.
    await click("payout-step-readiness");
    const group = await driver.wait(until.elementLocated({ css: '[data-check="shared_account"]' }), WAIT, "the shared account");
    const items = await group.findElements(byTestId("readiness-partner"));
    assert.equal(items.length, 2);
    const first = await driver.findElement(byTestId("readiness-group"));
    assert.equal(await first.getAttribute("data-check"), "shared_account", "what needs a decision comes first");
    await shot("month-end-readiness");
    for (const item of items) {
      if ((await item.getAttribute("title")).includes(`#${bo.partner_id})`)) await click(item);
    }
    const email = await driver.wait(until.elementLocated({ css: "#pf-payout_email" }), WAIT, "Bo's PayPal address");
    const boEmail = `bo.corrected.${bo.partner_id}@example.com`;
    await email.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
    await type(email, boEmail);
    assert.equal(await email.getAttribute("value"), boEmail);
    await click("partner-save");
    await driver.wait(
      () => driver.executeScript(`return !document.querySelector('[data-check="shared_account"]')`),
      WAIT,
      "the shared account is resolved",
    );
    const lines = json(book, "payout", "show", String(runId)).lines.rows;
    for (const id of [ana.partner_id, bo.partner_id]) {
      assert.equal(lines.find((l) => l.partner_id === id).status, "draft", `partner #${id} is paid again`);
    }
    await click("panel-close");

    // 5. Approve, typing the run's number.
    await click("payout-step-approve");
    await click("payout-approve");
    await type(await find("payout-approve-typed"), String(runId));
    await click("payout-approve-confirm");
    await find("payout-fingerprint");
    const approved = json(book, "payout", "show", String(runId)).run;
    assert.equal(approved.status, "approved");
    assert.equal(approved.paid_count, draft.run.paid_count + 2, "both PayPal payees are paid");

    // 6. Every payment file, and the list to pay by hand.
    const files = join(dir, "files");
    mkdirSync(files);
    await driver.wait(until.elementsLocated(byTestId("payout-coverage-row")), WAIT, "how the run is paid");
    // Read in the page in one go: the list may render again meanwhile.
    const formats = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=payout-coverage-row]')].map((r) => r.dataset.format)",
    );
    for (const format of formats) {
      await answer(join(files, `run-${runId}-${format}.${format === "sepa" ? "xml" : "csv"}`));
      await click(`payout-coverage-export-${format}`);
      await driver.wait(
        () => driver.executeScript(`return !!document.querySelector('[data-format="${format}"] [aria-label="Written"]')`),
        WAIT,
        `the ${format} file`,
      );
    }

    // 7. Statements into a folder, then their emails into the outbox.
    const statements = join(dir, "statements");
    mkdirSync(statements);
    await answer(statements);
    await click("payout-statements");
    await find("payout-statements-report");
    // The run's checklist reads again once they are written: the page has settled.
    const stepDone = (key) =>
      driver.wait(
        () => driver.executeScript(`return !!document.querySelector('[data-testid="run-checklist-step"][data-key="${key}"][data-done="true"]')`),
        WAIT,
        `the ${key} step done`,
      );
    await stepDone("statements");
    await click("payout-email-statements");
    await driver.wait(async () => json(book, "mail", "outbox", "--run", String(runId), "--limit", "10000").length > 0, WAIT, "queued");
    await shot("month-end-export");

    // 8. Paid: the bank confirmed every transfer.
    await click("payout-step-paying");
    await find("payout-settled");
    await driver.wait(until.elementLocated(byTestId("run-checklist")), WAIT, "the checklist (the page settles)");
    await click("payout-mark-all-paid");
    await type(await find("payout-reference"), `BANK-${lastOfLastMonth}`);
    await click("payout-mark-paid-confirm");
    await driver.wait(async () => json(book, "payout", "show", String(runId)).run.settled_paid === approved.paid_count, WAIT, "all paid");

    // Every payout in the files goes to the account its partner has now.
    run(book, "partners", "export", "--out", join(dir, "after.csv"));
    const current = new Map(csv(join(dir, "after.csv")).map((p) => [p.email, p]));
    const paidTo = new Map();
    for (const file of readdirSync(files).filter((f) => f.endsWith(".csv") && !f.includes("manual"))) {
      for (const r of parse(readFileSync(join(files, file)), { skip_empty_lines: true, relax_column_count: true })) paidTo.set(r[0], file);
    }
    const generic = join(dir, "all.csv");
    run(book, "payout", "export", String(runId), "--format", "csv", "--out", generic);
    const payouts = csv(generic);
    assert.equal(payouts.length, approved.paid_count);
    for (const p of payouts) {
      const partner = current.get(p.email);
      const account = { paypal: partner.payout_email, wise: partner.payout_email, iban: partner.iban, other: partner.payout_other }[p.method];
      assert.equal(p.account, account, `${p.name} is paid to their own ${p.method} account`);
    }
    assert.ok(payouts.some((p) => p.account === boEmail), "Bo is paid to the corrected address");
    assert.ok(paidTo.has(anaEmail) && paidTo.has(boEmail), "both PayPal payees are in a PayPal file");
    const sepa = readFileSync(join(files, `run-${runId}-sepa.xml`), "utf8");
    assert.equal((sepa.match(/<CdtTrfTxInf>/g) ?? []).length, payouts.filter((p) => p.method === "iban" && p.currency === "EUR").length);

    // The run remembers each step.
    const checklist = json(book, "payout", "checklist", String(runId));
    const done = Object.fromEntries(checklist.steps.map((s) => [s.key, s.done]));
    assert.deepEqual(done, { approve: true, files: true, statements: true, emails: false, paid: true }, "emails wait for Send now");
    assert.equal(readdirSync(statements).length, approved.paid_count);

    mkdirSync(join(here, "output"), { recursive: true });
    const figures = { partners: 500, paid: approved.paid_count, ...counts };
    writeFileSync(join(here, "output", "month-end-counts.json"), JSON.stringify(figures, null, 2) + "\n");
    console.log(`month-end: ${JSON.stringify(figures)}`);
  } catch (e) {
    await shot("month-end-failure");
    console.log(`month-end failed at ${JSON.stringify(counts)}: ${e.stack}`);
    throw e;
  } finally {
    await stop();
  }
});
