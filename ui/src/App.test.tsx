import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ProgramSettings } from "./bindings/ProgramSettings";
import { App } from "./App";
import type { BookInfo } from "./features/book/api";
import { homeFixture, quietAttention } from "./features/home/testFixtures";
import { callsTo, mockCommands } from "./test/tauri";

vi.mock("@tauri-apps/api/core", async () => (await import("./test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("./test/tauriModules")).dialogModule());

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

function setup(current: BookInfo | null, overrides: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    book_current: () => current,
    book_close: () => null,
    recent_books: () => [],
    book_suggest_path: () => "/home/ana/Partner program.partnerbook",
    partners_search: () => ({ total: 0, offset: 0, rows: [] }),
    groups_list: () => [],
    tags_list: () => [],
    partners_countries: () => [],
    settings_get: () => settings,
    mail_settings_get: () => ({ host: "", port: 587, tls: "starttls", user: "", from_name: "", from_email: "" }),
    logo_get: () => null,
    home_get: () => homeFixture({ setup: { partners: 0, sales: 0, plan_set: false } }),
    home_attention: () => quietAttention(),
    settings_update: ({ input }) => {
      const i = input as { program_name: string; minimum_payout: string; hold_days: number };
      return { ...settings, program_name: i.program_name, hold_days: i.hold_days, minimum_payout: { minor: Math.round(Number(i.minimum_payout) * 100), currency: "USD" } };
    },
    ...overrides,
  });
  render(<App />);
  return userEvent.setup();
}

describe("App", () => {
  it("goes straight to an already open book, on its home screen", async () => {
    const user = setup(book);
    expect(await screen.findByTestId("book-title")).toHaveTextContent("Acme");
    expect(screen.getByTestId("nav-home")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("home-get-started")).toBeInTheDocument();
    // Partners is not read until it is opened.
    expect(callsTo("partners_search")).toEqual([]);
    await user.click(screen.getByTestId("nav-partners"));
    expect(screen.getByTestId("nav-partners")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("No partners yet")).toBeInTheDocument();
  });

  it("shows the start screen when no book is open", async () => {
    setup(null);
    expect(await screen.findByTestId("create-name")).toBeInTheDocument();
    expect(screen.queryByTestId("book-title")).toBeNull();
  });

  it("saves settings and renames the book in the sidebar", async () => {
    const user = setup(book);
    await user.click(await screen.findByTestId("nav-settings"));
    const name = await screen.findByTestId("settings-program-name");
    expect(screen.getByLabelText("Minimum payout")).toHaveValue("50.00");
    await user.clear(name);
    await user.type(name, "Acme Partners");
    const hold = screen.getByLabelText("Hold period");
    await user.clear(hold);
    await user.type(hold, "45");
    await user.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(screen.getByTestId("book-title")).toHaveTextContent("Acme Partners"));
    expect(callsTo("settings_update")[0].input).toMatchObject({ program_name: "Acme Partners", hold_days: 45, minimum_payout: "50.00" });
    expect(screen.getByTestId("toast")).toHaveTextContent("Settings saved.");
  });

  it("shows a settings error by its field", async () => {
    const user = setup(book, {
      settings_update: () => {
        throw { code: "invalid_input", message: "must be between 1 and 3650 days", field: "cookie_window_days" };
      },
    });
    await user.click(await screen.findByTestId("nav-settings"));
    const cookie = await screen.findByLabelText("Cookie window");
    await user.clear(cookie);
    await user.type(cookie, "0");
    await user.click(screen.getByTestId("settings-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Cookie window: must be between 1 and 3650 days.");
    expect(cookie).toHaveAttribute("aria-invalid", "true");
  });

  it("opens Risk from the sidebar, after Commissions: flags are answered before a run", async () => {
    const user = setup(book, { risk_flags: () => ({ total: 0, rows: [] }) });
    const nav = await screen.findByTestId("nav-risk");
    expect(screen.getByTestId("nav-commissions").nextElementSibling).toBe(nav);
    await user.click(nav);
    expect(nav).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("No open flags")).toBeInTheDocument();
  });

  it("opens Payouts from the sidebar, after Risk", async () => {
    const user = setup(book, { payout_runs_list: () => [], payout_payer_get: () => ({ name: "Acme", iban: "", bic: "" }) });
    const nav = await screen.findByTestId("nav-payouts");
    expect(screen.getByTestId("nav-risk").nextElementSibling).toBe(nav);
    await user.click(nav);
    expect(nav).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("No payout runs yet")).toBeInTheDocument();
  });

  it("opens Email from the sidebar, after Payouts", async () => {
    const user = setup(book, { mail_outbox: () => [] });
    const nav = await screen.findByTestId("nav-email");
    expect(screen.getByTestId("nav-payouts").nextElementSibling).toBe(nav);
    await user.click(nav);
    expect(nav).toHaveAttribute("aria-current", "page");
    // The screen is its own chunk and reads the outbox when it opens.
    await waitFor(() => expect(screen.getByTestId("email-screen")).toHaveTextContent("The outbox is empty"));
  });

  it("opens Applications and Onboarding from the sidebar, under Partners", async () => {
    const user = setup(book, {
      applications_list: () => ({ total: 0, rows: [] }),
      onboarding_list: () => [],
      terms_list: () => [],
    });
    const applications = await screen.findByTestId("nav-applications");
    const onboarding = screen.getByTestId("nav-onboarding");
    expect(screen.getByTestId("nav-partners").nextElementSibling).toBe(applications);
    expect(applications.nextElementSibling).toBe(onboarding);
    expect(applications.closest(".sidebar-section")).toHaveTextContent(/^ProgramPartnersApplicationsOnboardingAssets$/);

    await user.click(applications);
    expect(applications).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("Nothing to review")).toBeInTheDocument();
    expect(callsTo("applications_list")[0]).toMatchObject({ query: { status: "pending", sort: "score" } });

    await user.click(onboarding);
    expect(onboarding).toHaveAttribute("aria-current", "page");
    expect(applications).not.toHaveAttribute("aria-current");
    expect(await screen.findByText("Everyone is set up", { selector: "h3" })).toBeInTheDocument();
    expect(callsTo("onboarding_list")).toEqual([{ all: false }]);
  });

  it("opens Assets from the sidebar, after Onboarding", async () => {
    const user = setup(book, { assets_list: () => [], links_base_url_get: () => "https://acme.example" });
    const nav = await screen.findByTestId("nav-assets");
    expect(screen.getByTestId("nav-onboarding").nextElementSibling).toBe(nav);
    await user.click(nav);
    expect(nav).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("No assets yet")).toBeInTheDocument();
    expect(callsTo("assets_list")[0]).toEqual({ query: { kind: null, tag: null, group_id: null, size: null, text: null, archived: false } });
  });

  it("goes from a decision to the Email screen", async () => {
    const pending = {
      id: 1,
      name: "Ana Lima",
      email: "ana@example.com",
      website: "",
      domain: "",
      social_profiles: [],
      country: "BR",
      audience_size: null,
      promotion: "",
      categories: [],
      answers: {},
      payout_account: "",
      status: "pending",
      score: 90,
      red_flags: 0,
      checks: [],
      screened_at: null,
      reason: null,
      decided_at: null,
      partner_id: null,
      submissions: 1,
      created_at: "2026-03-01T00:00:00Z",
      updated_at: "2026-03-01T00:00:00Z",
    };
    const user = setup(book, {
      applications_list: () => ({ total: 1, rows: [pending] }),
      application_get: () => ({ application: pending, submissions: [] }),
      applications_approve: () => ({ decided: 1, emails_queued: 1 }),
      mail_outbox: () => [],
    });
    await user.click(await screen.findByTestId("nav-applications"));
    await user.click(await screen.findByTestId("application-row"));
    await user.keyboard("a");
    await user.click(await screen.findByTestId("application-approve-confirm"));
    await user.click(await screen.findByTestId("applications-open-email"));
    expect(screen.getByTestId("nav-email")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("email-screen")).toBeInTheDocument();
  });

  it("closes the book back to the start screen", async () => {
    const user = setup(book);
    await user.click(await screen.findByTestId("close-book"));
    expect(await screen.findByTestId("create-name")).toBeInTheDocument();
    expect(callsTo("book_close")).toHaveLength(1);
  });
});
