import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Partner } from "../../bindings/Partner";
import type { PartnerMoney } from "../../bindings/PartnerMoney";
import type { PartnerQuery } from "../../bindings/PartnerQuery";
import type { PartnerRow } from "../../bindings/PartnerRow";
import { ToastProvider } from "../../components/Toast";
import { save } from "@tauri-apps/plugin-dialog";
import type { JobProgress } from "../../bindings/JobProgress";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { PartnersScreen, type PartnersIntent } from "./PartnersScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

// jsdom has no layout: give the table's scroll box a size so rows render.
const sizes = {
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight"),
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth"),
};
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
  HTMLElement.prototype.scrollTo = function scrollTo() {};
});
beforeEach(() => localStorage.clear());
afterAll(() => {
  if (sizes.clientHeight) Object.defineProperty(HTMLElement.prototype, "clientHeight", sizes.clientHeight);
  if (sizes.clientWidth) Object.defineProperty(HTMLElement.prototype, "clientWidth", sizes.clientWidth);
});

const NAMES = ["Ana Lima", "Anaïs Roy", "Bruno Costa"];
const people: PartnerRow[] = Array.from({ length: 1234 }, (_, i) => ({
  id: i + 1,
  name: NAMES[i] ?? `Partner ${String(i).padStart(4, "0")}`,
  email: `p${i}@example.com`,
  company: i === 0 ? "Lima Media" : "",
  country: i % 2 ? "FR" : "US",
  status: "active",
  group_name: null,
  tags: i === 0 ? ["vip"] : [],
  created_at: "2026-01-01T00:00:00Z",
}));

function search(q: PartnerQuery, list: PartnerRow[]) {
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = list.filter((p) => words.every((w) => p.name.toLowerCase().split(/\s+/).some((n) => n.startsWith(w))));
  return { total: hits.length, offset: q.offset, rows: hits.slice(q.offset, q.offset + q.limit) };
}

/** Partner n has sold n × $10 in n sales, one refund in ten. */
function moneyOf(id: number): PartnerMoney {
  const usd = (minor: number) => (minor ? [{ minor, currency: "USD" }] : []);
  return {
    partner_id: id,
    revenue: usd(id * 1000),
    commission: usd(id * 100),
    revenue_30d: [],
    commission_30d: [],
    balance_due: usd(id * 50),
    last_sale: "2026-11-30",
    sales: id,
    refunds: Math.floor(id / 10),
    customers: id,
  };
}

function setup(list: PartnerRow[] = people, extra: Parameters<typeof mockCommands>[0] = {}, intent?: PartnersIntent) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    partner_money: ({ ids }) => (ids as number[]).map(moneyOf),
    ...extra,
    partners_search: ({ query }) => search(query as PartnerQuery, list),
    groups_list: () => [],
    tags_list: () => [{ id: 1, name: "vip", partner_count: 1 }],
    partners_countries: () => [
      { code: "FR", count: 617 },
      { code: "US", count: 617 },
    ],
    partner_get: ({ id }) => ({ ...list[(id as number) - 1], first_name: "", address: "", website: "", social_profiles: [], language: "", group_id: null, custom_fields: {}, parent_id: null, parent_name: null, codes: [], payout: { method: "none", email: "", iban: "", bic: "", other: "" }, payout_currency: "", tax: { status: "none", form_expires: "", vat_id: "", tin: "" }, terms_version: "", terms_accepted_at: null, updated_at: "2026-01-01T00:00:00Z", plan_id: null, plan_name: null, payout_hold: null }) as Partner,
  });
  const view = render(
    <ToastProvider>
      <PartnersScreen active baseCurrency="USD" intent={intent} />
    </ToastProvider>,
  );
  const reopen = (next: PartnersIntent) =>
    view.rerender(
      <ToastProvider>
        <PartnersScreen active baseCurrency="USD" intent={next} />
      </ToastProvider>,
    );
  /** Another screen shown (false), or this one again (true). */
  const show = (active: boolean) =>
    view.rerender(
      <ToastProvider>
        <PartnersScreen active={active} baseCurrency="USD" intent={intent} />
      </ToastProvider>,
    );
  return Object.assign(userEvent.setup(), { reopen, show, view });
}

describe("PartnersScreen", () => {
  it("shows the total and the first rows, fetched 200 at a time", async () => {
    setup();
    await waitFor(() => expect(screen.getByTestId("partners-count")).toHaveTextContent("1,234 partners"));
    const rows = await screen.findAllByTestId("partner-row");
    expect(rows.length).toBeGreaterThan(5);
    expect(within(rows[0]).getByTestId("partner-row-name")).toHaveTextContent("Ana Lima");
    expect(rows[0]).toHaveAttribute("data-id", "1");
    expect(rows[0]).toHaveTextContent("Lima Media");
    expect(screen.getByTestId("partners-table")).toHaveAttribute("aria-rowcount", "1235");
    expect((callsTo("partners_search")[0].query as PartnerQuery).limit).toBe(200);
  });

  it("searches as you type, by relevance", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    // Short enough to fit the box at 1280 wide; the title says what it searches.
    expect(screen.getByTestId("partners-search")).toHaveAttribute("placeholder", "Search partners");
    expect(screen.getByTestId("partners-search")).toHaveAttribute("title", "By name, email, company or code");
    await user.type(screen.getByTestId("partners-search"), "ana");
    await waitFor(() => expect(screen.getByTestId("partners-count")).toHaveTextContent("2 partners match"));
    const last = callsTo("partners_search").at(-1)!.query as PartnerQuery;
    expect(last).toMatchObject({ text: "ana", sort: "relevance", offset: 0 });
    expect(screen.getAllByTestId("partner-row-name").map((n) => n.textContent)).toEqual(["Ana Lima", "Anaïs Roy"]);
  });

  it("offers to clear filters when nothing matches", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.type(screen.getByTestId("partners-search"), "zzz");
    expect(await screen.findByText("No partners match")).toBeInTheDocument();
    await user.click(screen.getByTestId("empty-clear"));
    await waitFor(() => expect(screen.getByTestId("partners-count")).toHaveTextContent("1,234 partners"));
    expect(screen.getByTestId("partners-search")).toHaveValue("");
  });

  it("focuses the search with /", async () => {
    setup();
    await screen.findAllByTestId("partner-row");
    fireEvent.keyDown(document.body, { key: "/" });
    expect(screen.getByTestId("partners-search")).toHaveFocus();
  });

  it("moves with the keyboard, opens the panel with Enter and closes it with Esc", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    screen.getByTestId("partners-table").focus();
    await user.keyboard("{ArrowDown}j{ArrowDown}k");
    const selected = () => document.querySelector("[data-testid='partner-row'][aria-selected='true']");
    expect(selected()).toHaveAttribute("data-id", "2");
    await user.keyboard("{Enter}");
    const panel = await screen.findByTestId("partner-panel");
    await waitFor(() => expect(within(panel).getByTestId("field-name")).toHaveValue("Anaïs Roy"));
    expect(callsTo("partner_get")).toEqual([{ id: 2 }]);
    // The panel follows the selection.
    screen.getByTestId("partners-table").focus();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(within(screen.getByTestId("partner-panel")).getByTestId("field-name")).toHaveValue("Bruno Costa"));
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("partner-panel")).toBeNull();
  });

  it("sorts by a column header", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByRole("button", { name: "Country" }));
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ sort: "country", descending: false }));
    expect(screen.getByRole("columnheader", { name: /Country/ })).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByRole("button", { name: /Country/ }));
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ sort: "country", descending: true }));
  });

  it("filters by status and country", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByTestId("filter-status-paused"));
    await user.selectOptions(screen.getByLabelText("Country"), "FR");
    await waitFor(() =>
      expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ statuses: ["paused"], country: "FR" }),
    );
  });

  it("invites to add or import when the book has no partners", async () => {
    setup([]);
    expect(await screen.findByText("No partners yet")).toBeInTheDocument();
    expect(screen.getByTestId("partners-count")).toHaveTextContent("0 partners");
  });

  it("opens an empty panel for a new partner", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByTestId("partners-add"));
    const panel = screen.getByTestId("partner-panel");
    expect(within(panel).getByTestId("field-name")).toHaveValue("");
    await user.click(within(panel).getByTestId("panel-close"));
    expect(screen.queryByTestId("partner-panel")).toBeNull();
  });

  it("exports the current view with progress, and cancelling leaves no file", async () => {
    const answer = deferred<number>();
    let channel: { onmessage: (p: JobProgress) => void } | undefined;
    const user = setup(people, {
      partners_export: (args) => {
        channel = args.onProgress as typeof channel;
        return answer.promise;
      },
      job_cancel: () => {
        answer.reject({ code: "cancelled", message: "cancelled; nothing was changed", field: null });
        return null;
      },
    });
    vi.mocked(save).mockResolvedValue("/home/me/partners.csv");
    await screen.findAllByTestId("partner-row");
    await user.type(screen.getByTestId("partners-search"), "ana");
    await waitFor(() => expect(screen.getByTestId("partners-count")).toHaveTextContent("2 partners match"));
    await user.click(screen.getByTestId("partners-export"));
    await waitFor(() => expect(callsTo("partners_export")).toHaveLength(1));
    expect(callsTo("partners_export")[0]).toMatchObject({ path: "/home/me/partners.csv", query: { text: "ana", offset: 0 }, tins: "masked" });
    channel!.onmessage({ step: "Exporting", done: 500, total: 2000 });
    const status = await screen.findByTestId("export-status");
    await waitFor(() => expect(status).toHaveTextContent("500 of 2,000"));
    expect(within(status).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    await user.click(screen.getByTestId("export-cancel"));
    expect(await screen.findByText(/Export cancelled/)).toBeInTheDocument();
    expect(screen.queryByTestId("export-status")).not.toBeInTheDocument();
  });

  it("exports TINs masked unless full TINs are asked for", async () => {
    const user = setup(people, { partners_export: () => 3 });
    vi.mocked(save).mockResolvedValue("/home/me/partners.csv");
    await screen.findAllByTestId("partner-row");
    const full = screen.getByLabelText("Full TINs");
    expect(full).not.toBeChecked();
    expect(full.closest("label")).toHaveAttribute("title", "The CSV a 1099 filing needs; keep the file safe");
    // In one frame with Export CSV, after it; Import CSV is outside.
    const group = screen.getByRole("group", { name: "CSV export" });
    expect([...group.querySelectorAll("button, input")].map((el) => el.getAttribute("data-testid"))).toEqual(["partners-export", "partners-export-full-tins"]);
    expect(group).not.toContainElement(screen.getByTestId("partners-import"));
    await user.click(screen.getByTestId("partners-export"));
    await screen.findByText("Exported 3 partners to partners.csv.");
    await user.click(full);
    await user.click(screen.getByTestId("partners-export"));
    await waitFor(() => expect(callsTo("partners_export")).toHaveLength(2));
    expect(callsTo("partners_export").map((a) => a.tins)).toEqual(["masked", "whole"]);
  });
});

describe("PartnersScreen opened for a partner or a filter", () => {
  it("opens the partner's panel, and each new intent again (the screen stays mounted)", async () => {
    const { reopen } = setup(people, {}, { partnerId: 3 });
    const panel = await screen.findByTestId("partner-panel");
    await waitFor(() => expect(within(panel).getByTestId("field-name")).toHaveValue("Bruno Costa"));
    reopen({ partnerId: 1 });
    await waitFor(() => expect(within(screen.getByTestId("partner-panel")).getByTestId("field-name")).toHaveValue("Ana Lima"));
    expect(callsTo("partner_get")).toEqual([{ id: 3 }, { id: 1 }]);
  });

  it("filters by status and orders as asked, from a clean search", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.type(screen.getByTestId("partners-search"), "ana");
    user.reopen({ statuses: ["active"], sort: "created", descending: true });
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ text: "", statuses: ["active"], sort: "created", descending: true }));
    expect(screen.getByTestId("partners-search")).toHaveValue("");
  });
});

describe("PartnersScreen money filters", () => {
  const lastQuery = () => callsTo("partners_search").at(-1)!.query as PartnerQuery;
  const chipLabels = () => within(screen.getByTestId("money-chips")).getAllByRole("button").map((b) => b.getAttribute("aria-label"));

  it("filters by revenue, balance due, idle months and refunds, with the other filters and the sort", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByTestId("filter-status-active"));
    await user.click(screen.getByTestId("filter-top-earners"));
    await user.click(screen.getByTestId("filter-money"));
    await user.type(screen.getByTestId("filter-min-revenue"), "1,000.50");
    // Typed amounts wait for a pause, as the search does: one ask, in minor units.
    await waitFor(() => expect(lastQuery()).toMatchObject({ min_revenue_minor: 100050 }));
    expect(callsTo("partners_search").filter((c) => (c.query as PartnerQuery).min_revenue_minor !== undefined)).toHaveLength(1);
    await user.click(screen.getByTestId("filter-balance-due"));
    await user.selectOptions(screen.getByTestId("filter-idle-months"), "3");
    await user.type(screen.getByTestId("filter-min-refund-percent"), "10");
    await waitFor(() =>
      expect(lastQuery()).toMatchObject({
        statuses: ["active"],
        sort: "revenue",
        descending: true,
        min_revenue_minor: 100050,
        balance_due: true,
        idle_months: 3,
        min_refund_percent: 10,
      }),
    );
    expect(screen.getByTestId("filter-money")).toHaveTextContent("Money4 on");
    expect(screen.getByTestId("partners-count")).toHaveTextContent("match");
    expect(chipLabels()).toEqual([
      "Remove Revenue at least $1,000.50",
      "Remove Balance due",
      "Remove No sale in 3 months",
      "Remove Refunds at least 10%",
    ]);
  });

  it("removes one filter with its chip and all of them with Clear", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByTestId("filter-money"));
    await user.type(screen.getByTestId("filter-min-revenue"), "250{Enter}");
    await user.click(screen.getByTestId("filter-balance-due"));
    await waitFor(() => expect(lastQuery()).toMatchObject({ min_revenue_minor: 25000, balance_due: true }));
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("money-popover")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Remove Revenue at least $250.00" }));
    await waitFor(() => expect(lastQuery()).not.toHaveProperty("min_revenue_minor"));
    expect(lastQuery()).toMatchObject({ balance_due: true });
    await user.click(screen.getByTestId("filter-money"));
    expect(screen.getByTestId("filter-min-revenue")).toHaveValue("");

    await user.click(screen.getByTestId("filters-clear"));
    await waitFor(() => expect(lastQuery()).not.toHaveProperty("balance_due"));
    expect(screen.queryByTestId("money-chips")).toBeNull();
    expect(screen.getByTestId("partners-count")).toHaveTextContent("1,234 partners");
  });

  it("refuses an amount or a percent it cannot read, without asking again", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await waitFor(() => expect(callsTo("partners_search").length).toBeGreaterThan(0));
    const asked = callsTo("partners_search").length;
    await user.click(screen.getByTestId("filter-money"));
    await user.type(screen.getByTestId("filter-min-revenue"), "12abc{Enter}");
    await user.type(screen.getByTestId("filter-min-refund-percent"), "150");
    await new Promise((r) => setTimeout(r, 450));
    expect(callsTo("partners_search")).toHaveLength(asked);
    expect(screen.getByTestId("filter-min-revenue")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("filter-min-refund-percent")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("money-chips")).toBeNull();
  });

  it("opens filtered by money when asked to (partners with a balance due), from a clean search", async () => {
    const user = setup(people, {}, { balanceDue: true, idleMonths: 6 });
    await screen.findAllByTestId("partner-row");
    await waitFor(() => expect(lastQuery()).toMatchObject({ text: "", balance_due: true, idle_months: 6 }));
    expect(screen.getByTestId("filter-money")).toHaveTextContent("Money2 on");
    expect(chipLabels()).toEqual(["Remove Balance due", "Remove No sale in 6 months"]);
    // Another intent replaces the filters, the money ones too.
    await user.type(screen.getByTestId("partners-search"), "ana");
    user.reopen({ minRevenueMinor: 500000 });
    await waitFor(() => expect(lastQuery()).toMatchObject({ text: "", min_revenue_minor: 500000 }));
    expect(lastQuery()).not.toHaveProperty("balance_due");
    expect(chipLabels()).toEqual(["Remove Revenue at least $5,000.00"]);
    await user.click(screen.getByTestId("filter-money"));
    expect(screen.getByTestId("filter-min-revenue")).toHaveValue("5000.00");
  });

  it("asks for the list again on a return to the screen when money filters it (a run may have paid the balance)", async () => {
    const user = setup(people, {}, { balanceDue: true });
    await waitFor(() => expect(lastQuery()).toMatchObject({ balance_due: true }));
    await screen.findAllByTestId("partner-row");
    const asked = callsTo("partners_search").length;
    user.show(false);
    user.show(true);
    await waitFor(() => expect(callsTo("partners_search").length).toBeGreaterThan(asked));
    expect(lastQuery()).toMatchObject({ balance_due: true, offset: 0 });
  });
});

describe("PartnersScreen money columns", () => {
  const rowById = (id: number) => document.querySelector(`[data-testid='partner-row'][data-id='${id}']`) as HTMLElement;
  const header = (name: string) => screen.queryByRole("columnheader", { name: new RegExp(`^${name}`) });

  it("asks for the money of the rows on screen once they are there, without holding them back", async () => {
    const answer = deferred<PartnerMoney[]>();
    setup(people, { partner_money: () => answer.promise });
    const rows = await screen.findAllByTestId("partner-row");
    // The rows show at once; their money cells wait with a placeholder.
    expect(within(rows[0]).getByTestId("partner-row-name")).toHaveTextContent("Ana Lima");
    expect(within(rows[0]).getAllByTestId("money-loading").length).toBeGreaterThan(0);
    await waitFor(() => expect(callsTo("partner_money")).toHaveLength(1));
    const commands = vi.mocked(invoke).mock.calls.map(([c]) => c);
    expect(commands.indexOf("partners_search")).toBeLessThan(commands.indexOf("partner_money"));
    const asked = callsTo("partner_money")[0].ids as number[];
    const shown = screen.getAllByTestId("partner-row").map((r) => Number(r.getAttribute("data-id")));
    expect(asked).toEqual(expect.arrayContaining(shown));
    expect(asked.length).toBeLessThanOrEqual(100);

    answer.resolve(asked.map(moneyOf));
    await waitFor(() => expect(within(rowById(2)).getByTestId("money-revenue")).toHaveTextContent("$20.00"));
    const row = rowById(2);
    expect(within(row).getByTestId("money-commission")).toHaveTextContent("$2.00");
    expect(within(row).getByTestId("money-balance")).toHaveTextContent("$1.00");
    expect(within(row).getByTestId("money-lastSale")).toHaveTextContent("Nov 30, 2026");
    expect(within(row).queryByTestId("money-loading")).toBeNull();
    // Known money is not asked for again.
    expect(callsTo("partner_money")).toHaveLength(1);
  });

  it("sorts by revenue from its header, highest first, then lowest", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByRole("button", { name: "Revenue" }));
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ sort: "revenue", descending: true, offset: 0 }));
    expect(header("Revenue")).toHaveAttribute("aria-sort", "descending");
    await user.click(screen.getByRole("button", { name: /Revenue/ }));
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ sort: "revenue", descending: false }));
    await user.click(screen.getByRole("button", { name: "Commission" }));
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ sort: "commission", descending: true }));
  });

  it("puts the top earners first with one click, among the filtered partners, and back", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await user.click(screen.getByTestId("filter-status-active"));
    const top = screen.getByTestId("filter-top-earners");
    await user.click(top);
    await waitFor(() =>
      expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ statuses: ["active"], sort: "revenue", descending: true }),
    );
    expect(top).toHaveAttribute("aria-pressed", "true");
    await user.click(top);
    await waitFor(() => expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ statuses: ["active"], sort: "name", descending: false }));
    expect(top).toHaveAttribute("aria-pressed", "false");
  });

  it("shows the chosen columns, and remembers them", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    // The usual columns: the money that matters most on, the rest off.
    for (const name of ["Name", "Email", "Revenue", "Commission", "Balance due", "Last sale"]) expect(header(name)).not.toBeNull();
    for (const name of ["Customers", "Refund rate", "Tags", "Created"]) expect(header(name)).toBeNull();

    await user.click(screen.getByTestId("columns-menu"));
    const menu = screen.getByRole("dialog", { name: "Columns" });
    await user.click(within(menu).getByLabelText("Email"));
    await user.click(within(menu).getByLabelText("Customers"));
    expect(header("Email")).toBeNull();
    expect(header("Customers")).not.toBeNull();
    expect(within(await screen.findByTestId("partners-table")).getAllByRole("columnheader")).toHaveLength(8);
    await waitFor(() => expect(within(rowById(3)).getByTestId("money-customers")).toHaveTextContent("3"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Columns" })).toBeNull();

    // Another start of the screen: the same columns.
    user.view.unmount();
    setup();
    await screen.findAllByTestId("partner-row");
    expect(header("Email")).toBeNull();
    expect(header("Customers")).not.toBeNull();

    // Back to the usual ones.
    await user.click(screen.getByTestId("columns-menu"));
    await user.click(screen.getByRole("button", { name: "Back to the usual columns" }));
    expect(header("Email")).not.toBeNull();
    expect(header("Customers")).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it("shows the column the list is ordered by, even when turned off (newest partners first)", async () => {
    const user = setup(people, {}, { sort: "created", descending: true });
    await screen.findAllByTestId("partner-row");
    expect(header("Created")).toHaveAttribute("aria-sort", "descending");
    await user.click(screen.getByTestId("columns-menu"));
    expect(screen.getByTestId("column-toggle-created")).toBeChecked();
    expect(screen.getByTestId("column-toggle-created")).toBeDisabled();
    await user.click(screen.getByRole("button", { name: /^Name/ }));
    await waitFor(() => expect(header("Created")).toBeNull());
  });

  it("asks for no money when no money column shows", async () => {
    localStorage.setItem(
      "partnerbook.partners.columns.v1",
      JSON.stringify({ revenue: false, commission: false, balance: false, lastSale: false }),
    );
    setup();
    await screen.findAllByTestId("partner-row");
    await new Promise((r) => setTimeout(r, 200));
    expect(callsTo("partner_money")).toHaveLength(0);
  });

  it("shows a refund rate, and a dash without sales", async () => {
    localStorage.setItem("partnerbook.partners.columns.v1", JSON.stringify({ refundRate: true }));
    setup(people, {
      partner_money: ({ ids }) =>
        (ids as number[]).map((id) => (id === 1 ? { ...moneyOf(1), sales: 0, refunds: 0, revenue: [], last_sale: null } : { ...moneyOf(id), sales: 40, refunds: 3 })),
    });
    await screen.findAllByTestId("partner-row");
    await waitFor(() => expect(within(rowById(1)).getByTestId("money-refundRate")).toHaveTextContent("—"));
    expect(within(rowById(1)).getByTestId("money-revenue")).toHaveTextContent("—");
    expect(within(rowById(1)).getByTestId("money-lastSale")).toHaveTextContent("—");
    expect(within(rowById(2)).getByTestId("money-refundRate")).toHaveTextContent("7.5%");
    expect(within(rowById(2)).getByTestId("money-refundRate")).toHaveAttribute("title", "3 refunds of 40 sales");
  });

  it("shows the program's currency first and every currency in the title", async () => {
    setup(people, {
      partner_money: ({ ids }) =>
        (ids as number[]).map((id) =>
          id === 1
            ? { ...moneyOf(1), revenue: [{ minor: 500000, currency: "EUR" }, { minor: 123456, currency: "USD" }] }
            : moneyOf(id),
        ),
    });
    await screen.findAllByTestId("partner-row");
    const cell = await waitFor(() => within(rowById(1)).getByTestId("money-revenue"));
    expect(cell).toHaveTextContent("$1,234.56+1");
    expect(cell).toHaveAttribute("title", "$1,234.56\n€5,000.00");
    expect(within(rowById(2)).getByTestId("money-revenue")).not.toHaveAttribute("title");
  });

  it("opens sorted by revenue when asked to (the home screen's top partners)", async () => {
    setup(people, {}, { sort: "revenue", descending: true });
    await screen.findAllByTestId("partner-row");
    expect(callsTo("partners_search").at(-1)!.query).toMatchObject({ sort: "revenue", descending: true });
    expect(header("Revenue")).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByTestId("filter-top-earners")).toHaveAttribute("aria-pressed", "true");
  });

  it("asks for the money again on a return to the screen (it may have changed elsewhere)", async () => {
    const user = setup();
    await screen.findAllByTestId("partner-row");
    await waitFor(() => expect(callsTo("partner_money")).toHaveLength(1));
    user.show(false);
    user.show(true);
    await waitFor(() => expect(callsTo("partner_money")).toHaveLength(2));
    expect(callsTo("partner_money")[1].ids).toEqual(callsTo("partner_money")[0].ids);
  });
});
