// Screenshots of how the app handles partners' TINs and the tax year, on a
// demo book (US partners have made-up TINs on a W-9, one in ten without one;
// the others a W-8BEN with a foreign TIN, or a VAT id) with one payout run
// paid today, at the window's default 1280x800:
//   - a US partner's panel at its Payout and tax section, the TIN masked,
//     then in the clear after its Show toggle;
//   - Settings → Tax year: the 1099-NEC thresholds, then 2027 set to
//     2500.00 USD through the form (the list and the toast);
//   - Reports → Tax year for 2026: the table, its masked TIN column, the
//     "TIN missing" labels (a warning when a 1099-NEC is due), and "Full
//     TINs in the CSV" in one frame with Save as CSV;
//   - the partner list's header with "Full TINs" in one frame with Export CSV;
//   - both full-TINs boxes ticked (only the CSVs change: the screens must
//     stay masked).
// Prints, for each shot, its file and whether the page shows a whole TIN
// (an SSN ###-##-#### or EIN ##-####### shape, in digits, in the page's text
// or in a visible input's value): a LEAK on every screen but the one after
// Show, which must show the partner's TIN whole. Prints how many rows the
// tax year has and how many say "TIN missing". Not a test.
//   PARTNERBOOK_APP=… PARTNERBOOK_CLI=… node tests/e2e/tax-shots.mjs [OUT_DIR]
// OUT_DIR defaults to /tmp/tax-shots; the demo book is made there too.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, byTestId, openPartners, until } from "./harness.mjs";

const cli = process.env.PARTNERBOOK_CLI;
if (!cli) throw new Error("set PARTNERBOOK_CLI to the built CLI binary");
const outDir = process.argv[2] ?? "/tmp/tax-shots";
mkdirSync(outDir, { recursive: true });
const book = join(outDir, "demo.partnerbook");
rmSync(book, { force: true });
execFileSync(cli, ["demo", book, "--partners", "300", "--seed", "7"], { stdio: "inherit" });
const pb = (...args) => execFileSync(cli, ["--book", book, ...args], { encoding: "utf8" });

// One run paid today, so this year has payments to report.
const today = new Date().toISOString().slice(0, 10);
const YEAR = "2026";
const run = JSON.parse(pb("payout", "create", "--through", today, "--json"));
console.log(`payout run #${run.id} through ${today}: ${run.paid_count} partners to pay`);
process.stdout.write(pb("payout", "approve", String(run.id)));
process.stdout.write(pb("payout", "mark-paid", String(run.id), "--reference", "BATCH-1"));

// A minimal CSV reader (quoted fields, doubled quotes, commas and newlines inside quotes).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
}

// The US partner to open: on a W-9 with a TIN, active, a name no one else has
// (so searching it finds one row), preferably a person (an SSN).
const everyone = parseCsv(pb("partners", "export", "--full-tins"));
const nameCount = new Map();
for (const p of everyone) nameCount.set(p.name, (nameCount.get(p.name) ?? 0) + 1);
const usW9 = everyone.filter((p) => p.country === "US" && p.tax_status === "w9");
const candidates = usW9.filter((p) => p.tin && p.status === "active" && nameCount.get(p.name) === 1);
const us = candidates.find((p) => !p.company) ?? candidates[0];
if (!us) throw new Error("no active US partner with a TIN and a unique name in the demo");
console.log(
  `${usW9.length} US partners on a W-9, ${usW9.filter((p) => !p.tin).length} without a TIN; ` +
    `opening ${us.name} <${us.email}> (TIN ${us.tin.replace(/\d(?=.*\d{4})/g, "•")})`,
);

const WAIT = 30000;
const TIN_SHAPES = String.raw`/\b\d{3}-\d{2}-\d{4}\b|\b\d{2}-\d{7}\b/g`;
// In the page: every whole-TIN-shaped string in the text a person reads, and
// in the value of any input not masked as a password (innerText has no values).
const FIND_TINS = `
  const re = ${TIN_SHAPES};
  const text = document.body.innerText.match(re) ?? [];
  const values = [...document.querySelectorAll("input, textarea")]
    .filter((el) => el.type !== "password" && el.offsetParent !== null)
    .flatMap((el) => (el.value.match(re) ?? []).map((m) => m + " (value of #" + (el.id || el.dataset.testid || el.name || el.tagName) + ")"));
  return { text, values };
`;
// Sets a controlled input's or select's value the way a person would, so React sees it.
const SET_VALUE = `
  const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value").set.call(el, arguments[1]);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
`;

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const shots = [];
let leaks = 0;
let failures = 0;

const { driver, stop } = await launch([book]);
const click = (id) => driver.executeScript(`document.querySelector('[data-testid="${id}"]').click()`);
const setValue = (id, value) => driver.executeScript(SET_VALUE, id, value);
const find = (id, what = id) => driver.wait(until.elementLocated(byTestId(id)), WAIT, `no ${what}`);
const text = (el) => driver.executeScript("return arguments[0].textContent", el);
const closeToasts = () => driver.executeScript("document.querySelectorAll('.toast-close').forEach((b) => b.click())");

/** Saves the screen as NAME.png and checks it for whole TINs; `clear` is the TIN this shot must show. */
async function shot(name, { clear = null } = {}) {
  // The pointer off anything it would light up (a clicked row stays hovered).
  await driver.actions().move({ x: 700, y: 4 }).perform();
  await pause(700);
  const file = join(outDir, `${name}.png`);
  writeFileSync(file, await driver.takeScreenshot(), "base64");
  const size = await driver.executeScript("return window.innerWidth + 'x' + window.innerHeight");
  shots.push(file);
  console.log(`${name}: ${file} (${size})`);
  const found = await driver.executeScript(FIND_TINS);
  const all = [...found.text.map((t) => `${t} (in the page's text)`), ...found.values];
  for (const hit of all) {
    const tin = hit.split(" ")[0];
    if (clear && tin === clear) {
      console.log(`  shown on purpose after Show: ${hit}`);
    } else {
      console.log(`  !!! LEAK: a whole TIN on screen: ${hit}`);
      leaks++;
    }
  }
  if (clear && !all.some((h) => h.startsWith(clear + " "))) {
    console.log(`  !!! after Show the TIN ${clear} is not in the clear`);
    failures++;
  }
  if (!all.length) console.log("  no whole TIN on screen");
}

try {
  await driver.manage().window().setRect({ width: 1280, height: 800 });

  // a. A US partner's TIN, masked, then shown.
  await openPartners(driver, WAIT);
  await setValue("partners-search", us.name);
  await driver.wait(async () => {
    const names = await driver.findElements(byTestId("partner-row-name"));
    return names.length === 1 && (await text(names[0])) === us.name;
  }, WAIT, `searching "${us.name}" finds one row`);
  await (await find("partner-row-name")).click();
  await find("partner-panel", "the partner's panel");
  const tinField = await find("field-tin", "the TIN field (is the partner on a W-9?)");
  await driver.wait(async () => (await tinField.getAttribute("value")) === us.tin, WAIT, "the TIN field holds the partner's TIN");
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", tinField);
  const tinWidth = () => driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().width)", tinField);
  const maskedWidth = await tinWidth();
  console.log(`TIN field: type=${await tinField.getAttribute("type")}, toggle says "${await text(await find("field-tin-show"))}"`);
  await shot("tin-masked");
  await click("field-tin-show");
  await driver.wait(async () => (await tinField.getAttribute("type")) === "text", WAIT, "Show puts the TIN in the clear");
  console.log(
    `after Show: type=${await tinField.getAttribute("type")}, toggle says "${await text(await find("field-tin-show"))}", ` +
      `aria-pressed=${await (await find("field-tin-show")).getAttribute("aria-pressed")}`,
  );
  const shownWidth = await tinWidth();
  console.log(`  the TIN input ${maskedWidth}px wide masked, ${shownWidth}px shown${maskedWidth === shownWidth ? "" : " (MOVED)"}`);
  if (maskedWidth !== shownWidth) failures++;
  await shot("tin-shown", { clear: us.tin });
  // Hide again before leaving, as a person would.
  await click("field-tin-show");
  await click("panel-close");

  // b. Settings → Tax year: the thresholds, then 2027 at 2500.00 USD.
  await click("nav-settings");
  const section = await find("tax-thresholds", "Settings → Tax year");
  await driver.wait(async () => (await driver.findElements(byTestId("tax-threshold-year"))).length > 0, WAIT, "the thresholds loaded");
  // Centred: the end of the settings form above it shows where the section sits.
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", section);
  const rowsText = async () =>
    driver.executeScript("return [...document.querySelectorAll('[data-testid=tax-threshold-row]')].map((li) => li.textContent)");
  console.log(`thresholds: ${JSON.stringify(await rowsText())}`);
  const form = await driver.executeScript(`
    const save = document.querySelector('[data-testid="tax-threshold-save"]').getBoundingClientRect();
    const cur = document.querySelector('[data-testid="tax-threshold-currency"]').getBoundingClientRect();
    return {
      placeholders: ["tax-threshold-year", "tax-threshold-amount"].map((id) => document.querySelector('[data-testid="' + id + '"]').placeholder),
      save: document.querySelector('[data-testid="tax-threshold-save"]').textContent,
      gap: Math.round(save.left - cur.right),
      level: Math.round(save.top - cur.top) === 0 && Math.round(save.bottom - cur.bottom) === 0,
      edits: document.querySelectorAll('[data-testid="tax-threshold-edit"]').length,
    };
  `);
  console.log(
    `  placeholders ${JSON.stringify(form.placeholders)}; "${form.save}" ${form.gap}px right of Currency, ` +
      `${form.level ? "level with the inputs" : "NOT level with the inputs"}; ${form.edits} Edit buttons`,
  );
  if (!form.level) failures++;
  await shot("thresholds");
  await setValue("tax-threshold-year", "2027");
  await setValue("tax-threshold-amount", "2500.00");
  await setValue("tax-threshold-currency", "USD");
  await click("tax-threshold-save");
  await driver.wait(async () => (await rowsText()).some((t) => t.startsWith("2027")), WAIT, "the 2027 threshold in the list");
  const toasts = await driver.executeScript("return [...document.querySelectorAll('[data-testid=toast]')].map((t) => t.textContent)");
  console.log(`thresholds now: ${JSON.stringify(await rowsText())}; toasts: ${JSON.stringify(toasts)}`);
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", section);
  await shot("thresholds-2027");
  await closeToasts();

  // c. Reports → Tax year 2026.
  await click("nav-reports");
  await find("report-tax-year", "the Tax year report tab");
  await click("report-tax-year");
  await find("report-year", "the year picker");
  await setValue("report-year", YEAR);
  const table = await find("report-table", "the tax year's table");
  await driver.wait(async () => (await text(await find("tax-threshold"))).includes(YEAR), WAIT, `the ${YEAR} tax year`);
  const counts = await driver.executeScript(`
    const rows = [...document.querySelectorAll('[data-testid="report-table"] tbody tr')];
    const tins = rows.map((r) => r.querySelector('[data-testid="tax-tin"]').textContent.trim());
    const warning = (r) => r.querySelector('[data-testid="tax-tin-warning"]');
    return {
      rows: rows.length,
      missing: rows.filter(warning).length,
      missingDue: rows.filter((r) => warning(r)?.classList.contains("pill-tone-amber")).length,
      formWarnings: rows.filter((r) => r.querySelector('[data-testid="tax-form-warning"]')).length,
      dashes: tins.filter((t) => t === "—").length,
      needs: rows.filter((r) => r.querySelector('[data-testid="tax-needs"]').textContent.trim() === "yes").length,
      sample: tins.filter((t) => t !== "—" && !t.includes("TIN missing")).slice(0, 4),
      note: document.querySelector('[data-testid="tax-count"]')?.textContent,
      threshold: document.querySelector('[data-testid="tax-threshold"]')?.textContent,
      check: !!document.querySelector('[data-testid="report-full-tins"]'),
      checked: document.querySelector('[data-testid="report-full-tins"]')?.checked,
      checkLabel: document.querySelector('[data-testid="report-full-tins"]')?.closest("label").textContent,
      withCsv: !!document.querySelector('[data-testid="report-full-tins"]')?.closest(".full-tins-group")?.querySelector('[data-testid="report-save-csv"]'),
      methods: [...new Set(rows.flatMap((r) => [...r.children[3].querySelectorAll(".reports-source")].map((s) => s.textContent)))],
      overW8: rows.map((r) => r.querySelector('[data-testid="tax-needs"]')).filter((c) => c.textContent.includes("W-8BEN")).map((c) => c.textContent.trim() + " (title: " + c.querySelector("[title]")?.title + ")")[0] ?? null,
    };
  `);
  console.log(
    `tax year ${YEAR}: ${counts.rows} rows, ${counts.missing} say "TIN missing" (${counts.missingDue} of them due a 1099-NEC), ` +
      `${counts.needs} need a 1099-NEC, ${counts.formWarnings} tax form warnings, ${counts.dashes} without a TIN ("—")`,
  );
  console.log(`  "${counts.threshold}" / "${counts.note}"`);
  console.log(`  TINs as shown: ${JSON.stringify(counts.sample)}`);
  console.log(`  paid by: ${JSON.stringify(counts.methods)}; over on a W-8BEN: ${counts.overW8 ?? "none"}`);
  console.log(
    `  "${counts.checkLabel ?? "Full TINs in the CSV"}" with Save as CSV: ` +
      `${counts.check ? `${counts.withCsv ? "yes, in one frame" : "NOT in its frame"} (checked: ${counts.checked})` : "MISSING"}`,
  );
  if (!counts.check || !counts.withCsv) failures++;
  await shot("tax-year");
  // The first "TIN missing" row due a 1099-NEC in view; without one, the
  // first W-9 payee without a TIN (the quieter label: no 1099-NEC this year).
  const scrolledTo = await driver.executeScript(`
    const rows = [...document.querySelectorAll('[data-testid="report-table"] tbody tr')];
    const warning = (r) => r.querySelector('[data-testid="tax-tin-warning"]');
    const row = rows.find((r) => warning(r)?.classList.contains("pill-tone-amber")) ?? rows.find(warning);
    if (!row) return null;
    row.scrollIntoView({ block: "center" });
    return row.textContent;
  `);
  if (scrolledTo) {
    console.log(`  in view: ${JSON.stringify(scrolledTo)}`);
    await shot(counts.missingDue ? "tax-year-tin-missing" : "tax-year-w9-no-tin");
  }
  // Ticked, "Full TINs in the CSV" changes only the CSV: the table stays masked.
  await click("report-full-tins");
  await driver.wait(async () => (await find("report-full-tins")).isSelected(), WAIT, "Full TINs in the CSV ticked");
  await shot("tax-year-full-tins-ticked");
  await click("report-full-tins");
  void table;

  // d. The partner list's header with "Full TINs" in one frame with Export CSV.
  await openPartners(driver, WAIT);
  await setValue("partners-search", "");
  await driver.wait(async () => /\b315 partners\b/.test(await text(await find("partners-count"))), WAIT, "every partner listed");
  const header = await driver.executeScript(`
    const box = document.querySelector('[data-testid="partners-export-full-tins"]');
    const exp = document.querySelector('[data-testid="partners-export"]');
    if (!box) return null;
    const imp = document.querySelector('[data-testid="partners-import"]');
    const group = box.closest(".full-tins-group");
    const a = box.closest("label").getBoundingClientRect(), b = exp.getBoundingClientRect(), c = imp.getBoundingClientRect();
    const g = (group ?? box.closest("label")).getBoundingClientRect();
    // Does the search box's placeholder fit? (Text width against the box's content width.)
    const search = document.querySelector('[data-testid="partners-search"]');
    const st = getComputedStyle(search);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = st.font;
    const room = search.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
    return {
      label: box.closest("label").textContent,
      withExport: !!group && group.contains(exp) && !group.contains(imp),
      after: Math.round(a.left - b.right),
      gapImport: Math.round(g.left - c.right),
      sameRow: Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < 2,
      search: Math.round(search.getBoundingClientRect().width),
      placeholder: Math.round(ctx.measureText(search.placeholder).width),
      room: Math.round(room),
    };
  `);
  console.log(
    header
      ? `partners header: "${header.label}" ${header.withExport ? "in one frame with Export CSV" : "NOT in Export CSV's frame"}, ` +
          `${header.after}px right of it; the frame ${header.gapImport}px right of Import CSV, ` +
          `${header.sameRow ? "centred on the same row" : "NOT on the same row"}; the search box is ${header.search}px wide, ` +
          `its placeholder ${header.placeholder}px in ${header.room}px${header.placeholder > header.room ? " (CUT)" : ""}`
      : `partners header: "Full TINs" MISSING`,
  );
  if (!header || !header.withExport) failures++;
  if (header && header.placeholder > header.room) failures++;
  await shot("partners-header");
  if (header) {
    await click("partners-export-full-tins");
    await driver.wait(async () => (await find("partners-export-full-tins")).isSelected(), WAIT, "Full TINs ticked");
    await shot("partners-header-full-tins-ticked");
  }
} catch (e) {
  writeFileSync(join(outDir, "failure.png"), await driver.takeScreenshot(), "base64");
  console.log(`failed; the screen is in ${join(outDir, "failure.png")}`);
  throw e;
} finally {
  await stop();
}

console.log(`\nshots:\n${shots.map((s) => `  ${s}`).join("\n")}`);
console.log(
  leaks
    ? `!!! ${leaks} whole-TIN-shaped strings on screens that should show none (see LEAK above)`
    : "no whole TIN on any screen but after Show",
);
if (failures) console.log(`${failures} other problems (see above)`);
