// Figures, not a test: app start to first screen with a book, and idle memory.
//   PARTNERBOOK_APP=…/partnerbook-app node tests/e2e/bench-startup.mjs BOOK [RUNS]
// Start time runs from asking tauri-driver for a session (which launches the
// app) to the first screen's numbers showing: the Home screen's revenue card
// (or, for a book without sales, its Get started guide). It includes
// WebKitWebDriver's own start. The attention row and the charts come after
// and are not waited for. Memory is the proportional set size (PSS) of the
// app and its WebKit processes, read from /proc after 10 s idle on Home.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { launch, By, until } from "./harness.mjs";

const book = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!book) throw new Error("usage: bench-startup.mjs BOOK [RUNS]");

const pss = (pid) => {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};
const descendants = (pid) => {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map();
  for (const line of out.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const all = [];
  const walk = (p) => (children.get(p) ?? []).forEach((c) => (all.push(c), walk(c)));
  walk(pid);
  return all;
};

const times = [];
let memory = null;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const { driver, stop } = await launch([book]);
  try {
    const first = await driver.wait(
      until.elementLocated(By.css('[data-testid="home-card-revenue"], [data-testid="home-get-started"]')),
      60000,
    );
    await driver.wait(async () => /\d|Get started/.test(await driver.executeScript("return arguments[0].textContent", first)), 60000);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (i === runs - 1) {
      await new Promise((r) => setTimeout(r, 10000));
      const app = Number(execFileSync("pgrep", ["-n", "-f", "partnerbook-app"], { encoding: "utf8" }).trim());
      const pids = [app, ...descendants(app)];
      memory = { processes: pids.length, pss_mb: Math.round(pids.reduce((s, p) => s + pss(p), 0) / 1024) };
    }
  } finally {
    await stop();
  }
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ runs, start_ms: times.map(Math.round), median_ms: Math.round(sorted[Math.floor(runs / 2)]), idle: memory }));
