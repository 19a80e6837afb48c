import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProgramSettings } from "../../bindings/ProgramSettings";
import { ToastProvider } from "../../components/Toast";
import { mockCommands } from "../../test/tauri";
import type { BookInfo } from "../book/api";
import { AppShell } from "./AppShell";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const book: BookInfo = { path: "/b/Acme.partnerbook", program_name: "Acme", base_currency: "USD", partner_count: 0, schema_version: 1 };
const settings: ProgramSettings = {
  program_name: "Acme",
  business_name: "",
  address: "",
  tax_id: "",
  base_currency: "USD",
  rounding: "half_up",
  hold_days: 30,
  minimum_payout: { minor: 5000, currency: "USD" },
  cookie_window_days: 30,
  attribution: "last_touch",
  prices_include_tax: false,
  country: "",
  self_billing: false,
};

const scrolled = vi.fn();
afterEach(() => {
  // jsdom has no scrollIntoView; the test puts one in and takes it out again.
  delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

describe("Sync in the sidebar", () => {
  it("opens Sync from Earnings, and its empty state leads to Settings › Connections", async () => {
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled(this.querySelector("[data-testid]")?.getAttribute("data-testid"));
    };
    vi.mocked(invoke).mockReset();
    mockCommands({
      partners_search: () => ({ total: 0, offset: 0, rows: [] }),
      groups_list: () => [],
      tags_list: () => [],
      partners_countries: () => [],
      sync_connections: () => [],
      settings_get: () => settings,
      mail_settings_get: () => ({ host: "", port: 587, tls: "starttls", user: "", from_name: "", from_email: "" }),
      logo_get: () => null,
      backups_list: () => [],
    });
    render(
      <ToastProvider>
        <AppShell book={book} onClosed={() => undefined} onBookChanged={() => undefined} />
      </ToastProvider>,
    );
    const user = userEvent.setup();
    const nav = screen.getByTestId("nav-sync");
    expect(nav.previousElementSibling).toHaveTextContent("Earnings");
    expect(nav.nextElementSibling).toBe(screen.getByTestId("nav-conversions"));
    await user.click(nav);
    expect(nav).toHaveAttribute("aria-current", "page");
    await user.click(await screen.findByTestId("sync-open-connections"));
    expect(screen.getByTestId("nav-settings")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("connections-empty")).toBeInTheDocument();
    await waitFor(() => expect(scrolled).toHaveBeenCalledWith("settings-connections"));
  });
});
