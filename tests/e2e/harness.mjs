// Starts what an end-to-end test needs and stops it afterwards: a private
// Xvfb display, tauri-driver (which starts WebKitWebDriver and our app), and
// a fresh HOME so the app's recent list, config and documents start empty.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, By, until } from "selenium-webdriver";

const app = process.env.PARTNERBOOK_APP;
if (!app) throw new Error("set PARTNERBOOK_APP to the built app binary");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function startXvfb() {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3.
    const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let out = "";
    xvfb.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve({ proc: xvfb, display: `:${out.trim()}` });
    });
    xvfb.on("error", reject);
    xvfb.on("exit", (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not come up in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts everything; `args` are passed to the app (e.g. a book to open).
 *  Returns { driver, home, display, stop }. */
export async function launch(args = []) {
  const home = mkdtempSync(join(tmpdir(), "partnerbook-e2e-"));
  for (const d of [".config", ".local/share", "Documents"]) mkdirSync(join(home, d), { recursive: true });
  writeFileSync(join(home, ".config", "user-dirs.dirs"), 'XDG_DOCUMENTS_DIR="$HOME/Documents"\n');
  const { proc: xvfb, display } = await startXvfb();
  const port = await freePort();
  const nativePort = await freePort();
  const env = {
    ...process.env,
    DISPLAY: display,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
  };
  const driverProc = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  let stopped = false;
  const stop = async (driver) => {
    if (stopped) return;
    stopped = true;
    try {
      if (driver) await driver.quit();
    } finally {
      driverProc.kill();
      xvfb.kill();
    }
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/status`, 15000);
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({ browserName: "wry", "tauri:options": { application: app, args } })
      .build();
    return { driver, home, display, stop: () => stop(driver) };
  } catch (e) {
    await stop(null);
    throw e;
  }
}

export const byTestId = (id) => By.css(`[data-testid="${id}"]`);
export { By, until };

/** A book opens on its Home screen: opens Partners from the sidebar and
 *  waits for its search box. */
export async function openPartners(driver, ms = 30000) {
  const nav = await driver.wait(until.elementLocated(byTestId("nav-partners")), ms, "no nav-partners");
  await nav.click();
  await driver.wait(until.elementLocated(byTestId("partners-search")), ms, "the Partners screen");
}
