// The packages a manager installs, checked the way they would use them:
// unpacked into throwaway roots (dpkg -x; rpm2cpio | cpio), the CLI run on a
// demo book, and a book opened in the packaged app exactly as a double-click
// would (the desktop entry's Exec line with %f replaced by the file). Built by
// `bash .ci/package --debug`; PARTNERBOOK_DEB and PARTNERBOOK_RPM name them.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const deb = process.env.PARTNERBOOK_DEB;
const rpm = process.env.PARTNERBOOK_RPM;
if (!deb || !rpm) throw new Error("set PARTNERBOOK_DEB and PARTNERBOOK_RPM to what `bash .ci/package --debug` built");

const field = (name) => execFileSync("dpkg-deb", ["-f", deb, name], { encoding: "utf8" }).trim();
const root = mkdtempSync(join(tmpdir(), "partnerbook-deb-"));
execFileSync("dpkg", ["-x", deb, root]);
const rpmRoot = mkdtempSync(join(tmpdir(), "partnerbook-rpm-"));
execFileSync("sh", ["-c", 'rpm2cpio "$1" | cpio -idm --quiet', "sh", rpm], { cwd: rpmRoot });
// Each unpacked root is ~200 MB; left behind, every CI run would eat 400 MB of /tmp.
after(() => {
  for (const dir of [root, rpmRoot]) rmSync(dir, { recursive: true, force: true });
});
const cli = join(root, "usr/bin/partnerbook");
const run = (...args) => execFileSync(cli, args, { encoding: "utf8" });

test("the package says what it is and what it needs", () => {
  assert.equal(field("Package"), "partnerbook");
  const depends = field("Depends").split(/,\s*/);
  // Statements embed these fonts; the app needs WebKitGTK.
  for (const need of ["fonts-dejavu-core", "fonts-noto-cjk", "libwebkit2gtk-4.1-0"]) {
    assert.ok(depends.includes(need), `Depends lacks ${need}: ${depends}`);
  }
});

for (const [kind, dir] of [["deb", root], ["rpm", rpmRoot]]) {
  test(`the ${kind} installs the app, the CLI, the icons, the desktop entry and the book file type`, () => {
    for (const f of [
      "usr/bin/partnerbook-app",
      "usr/bin/partnerbook",
      "usr/share/icons/hicolor/128x128/apps/partnerbook-app.png",
      "usr/share/icons/hicolor/512x512/apps/partnerbook-app.png",
    ]) {
      assert.ok(existsSync(join(dir, f)), `${f} is missing`);
    }
    const entryPath = join(dir, "usr/share/applications/Partnerbook.desktop");
    execFileSync("desktop-file-validate", [entryPath]);
    const entry = readFileSync(entryPath, "utf8");
    assert.match(entry, /^Exec=partnerbook-app %f$/m, "a double-clicked book must reach the app");
    assert.match(entry, /^MimeType=application\/x-partnerbook;$/m);
    assert.match(entry, /^Icon=partnerbook-app$/m);
    const mime = readFileSync(join(dir, "usr/share/mime/packages/partnerbook.xml"), "utf8");
    assert.match(mime, /<mime-type type="application\/x-partnerbook">/);
    assert.match(mime, /<glob pattern="\*\.partnerbook"/);
    assert.match(execFileSync(join(dir, "usr/bin/partnerbook"), ["--version"], { encoding: "utf8" }), /^partnerbook /);
  });
}

test("the installed CLI runs on a demo book", () => {
  assert.match(run("--version"), new RegExp(`^partnerbook ${field("Version").replaceAll(".", "\\.")} `));
  const book = join(root, "Demo.partnerbook");
  run("demo", book, "--partners", "40");
  const listed = JSON.parse(run("--book", book, "partners", "list", "--json"));
  assert.ok(listed.total >= 40, `${listed.total} partners`);
  // `check` exits 1 on any problem, which execFileSync turns into a throw.
  assert.match(run("--book", book, "check"), /integrity\s+ok/);
});

test("a double-clicked book opens in the installed app", { timeout: 120000 }, async () => {
  const book = join(root, "Double click.partnerbook");
  run("demo", book, "--partners", "30");
  const program = JSON.parse(run("--book", book, "settings", "show", "--json")).program_name;
  const entry = readFileSync(join(root, "usr/share/applications/Partnerbook.desktop"), "utf8");
  const [bin, ...args] = entry.match(/^Exec=(.*)$/m)[1].split(" ");
  process.env.PARTNERBOOK_APP = join(root, "usr/bin", bin);
  const { launch, byTestId, until } = await import("../e2e/harness.mjs");
  const { driver, stop } = await launch(args.map((a) => (a === "%f" ? book : a)));
  try {
    const title = await driver.wait(until.elementLocated(byTestId("book-title")), 20000, "no book title");
    await driver.wait(
      async () => (await driver.executeScript("return arguments[0].textContent", title)) === program,
      20000,
      `the title should become ${program}`,
    );
  } finally {
    await stop();
  }
});
