// The review queue in the real app: applicant text is untrusted, so an
// answer holding HTML and script is shown as the literal text it is and
// nothing in it runs; approving from the keyboard puts her on the onboarding
// board. With PARTNERBOOK_SHOTS=DIR it leaves screenshots.
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
const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

test("an application's answers are shown as text and nothing runs", { timeout: 300000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "pb-applications-"));
  const book = join(dir, "Applications.partnerbook");
  execFileSync(cli, ["demo", book, "--partners", "200", "--seed", "5"], { stdio: "ignore" });
  const form = join(dir, "signups.csv");
  const quoted = `"${PAYLOAD.replaceAll('"', '""')}"`;
  writeFileSync(
    form,
    `Name,Email,Website,Country,Why do you want to join?\nXena Script,xena@xena-script.io,xena-script.io,DE,${quoted}\n`,
  );
  execFileSync(cli, ["--book", book, "applications", "import", form], { stdio: "ignore" });

  const { driver, stop } = await launch([book]);
  try {
    const find = async (id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${id}`);
    await (await find("nav-applications")).click();
    await driver.wait(until.elementsLocated(byTestId("application-row")), WAIT, "the queue");
    let xena;
    await driver.wait(async () => {
      for (const row of await driver.findElements(byTestId("application-row"))) {
        const text = await driver.executeScript("return arguments[0].textContent", row);
        if (text.includes("Xena Script")) xena = row;
      }
      return Boolean(xena);
    }, WAIT, "Xena's application in the queue");
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", xena);
    await driver.executeScript("arguments[0].click()", xena);
    const detail = await find("application-detail");
    const detailText = async () => driver.executeScript("return arguments[0].textContent", detail);
    await driver.wait(async () => (await detailText()).includes("Xena Script"), WAIT, "her detail");
    const answers = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=application-answer]')].map((e) => e.textContent)",
    );
    assert.ok(answers.some((a) => a.includes(PAYLOAD)), `the payload as literal text in ${JSON.stringify(answers)}`);
    const injected = await driver.executeScript(
      "const d = document.querySelector('[data-testid=application-detail]');" +
        "return d.querySelectorAll('img, script').length",
    );
    assert.equal(injected, 0, "no element was made from the answer");
    assert.equal(await driver.executeScript("return window.__pwned"), null, "no script ran");
    assert.ok((await detailText()).includes("Spam or abuse in the answers"), "the check that flags it is shown");
    if (shots) writeFileSync(join(shots, "applications.png"), await driver.takeScreenshot(), "base64");

    // Approving her from the keyboard makes her a partner stuck on onboarding.
    await driver.actions().sendKeys("a").perform();
    const approve = await find("application-approve-confirm");
    await approve.click();
    const partner = JSON.parse(execFileSync(cli, ["--book", book, "partners", "show", "xena@xena-script.io", "--json"], { encoding: "utf8" }));
    await driver.wait(async () => {
      const p = JSON.parse(execFileSync(cli, ["--book", book, "partners", "show", String(partner.id), "--json"], { encoding: "utf8" }));
      return p.status === "active";
    }, WAIT, "approved into an active partner");
    await (await find("nav-onboarding")).click();
    await driver.wait(async () => (await driver.executeScript("return document.body.textContent")).includes("Xena Script"), WAIT, "Xena on the onboarding board");
    if (shots) writeFileSync(join(shots, "onboarding.png"), await driver.takeScreenshot(), "base64");
  } finally {
    await stop();
  }
});
