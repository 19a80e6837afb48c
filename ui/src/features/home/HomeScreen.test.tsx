import { invoke } from "@tauri-apps/api/core";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Attention } from "../../bindings/Attention";
import type { Home } from "../../bindings/Home";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import type { BookInfo } from "../book/api";
import type { Bar } from "./chartData";
import { HomeScreen } from "./HomeScreen";
import { attentionFixture, homeFixture, quietAttention, usd } from "./testFixtures";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

// uPlot draws on a canvas jsdom does not have: each drawing is replaced by
// one button per bar (or month), which picks it as a click on the canvas would.
vi.mock("./plots/TrendPlot", () => ({
  TrendPlot: ({ months, onPick }: { months: string[]; onPick?: (i: number) => void }) => (
    <div data-testid="home-trend-plot">
      {months.map((m, i) => (
        <button key={m} type="button" data-testid={`plot-month-${m}`} onClick={() => onPick?.(i)} />
      ))}
    </div>
  ),
}));
vi.mock("./plots/BarsPlot", () => ({
  BarsPlot: ({ bars, testId, onPick }: { bars: Bar[]; testId: string; onPick?: (i: number) => void }) => (
    <div data-testid={testId}>
      {bars.map((b, i) => (
        <button key={i} type="button" data-testid={`${testId}-bar`} onClick={() => onPick?.(i)}>
          {b.label}
        </button>
      ))}
    </div>
  ),
}));

const book: BookInfo = { path: "/b/Acme.partnerbook", program_name: "Acme Partners", base_currency: "USD", partner_count: 57, schema_version: 1 };
/** Sunday, November 15, 2026, on this computer's calendar. */
const TODAY = new Date(2026, 10, 15, 9, 30);

type Answers = { home?: (args: Record<string, unknown>) => Home | Promise<Home>; attention?: () => Attention | Promise<Attention> };

function setup(answers: Answers = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    home_get: answers.home ?? (({ from, to }) => homeFixture({ from: from as string, to: to as string })),
    home_attention: answers.attention ?? (() => attentionFixture()),
  });
  const onNavigate = vi.fn();
  const view = render(<HomeScreen book={book} onNavigate={onNavigate} today={TODAY} />);
  return { user: userEvent.setup(), onNavigate, view };
}

const card = (id: string) => screen.getByTestId(`home-card-${id}`);

beforeEach(() => sessionStorage.clear());

describe("HomeScreen: the period", () => {
  it("asks home_get for the months of each choice, by the computer's date", async () => {
    const { user } = setup();
    await screen.findByTestId("home-card-revenue");
    expect(screen.getByTestId("home-program")).toHaveTextContent("Acme Partners");
    expect(callsTo("home_get")).toEqual([{ from: "2026-11", to: "2026-11" }]);
    expect(screen.getByTestId("home-period-label")).toHaveTextContent("Nov 2026");

    const period = screen.getByTestId("home-period");
    const asked = async (choice: string) => {
      await user.selectOptions(period, choice);
      await waitFor(() => expect(screen.queryByTestId("home-card-revenue")?.closest(".home-stale")).toBeNull());
      return callsTo("home_get").at(-1);
    };
    expect(await asked("last_month")).toEqual({ from: "2026-10", to: "2026-10" });
    expect(await asked("this_quarter")).toEqual({ from: "2026-10", to: "2026-11" });
    expect(screen.getByTestId("home-period-label")).toHaveTextContent("Oct \u2013 Nov 2026");
    expect(await asked("this_year")).toEqual({ from: "2026-01", to: "2026-11" });
    expect(await asked("last_12")).toEqual({ from: "2025-12", to: "2026-11" });
    expect(screen.getByTestId("home-period-label")).toHaveTextContent("Dec 2025 \u2013 Nov 2026");

    // Custom starts from the months on screen; typed months are asked for as typed.
    expect(await asked("custom")).toEqual({ from: "2025-12", to: "2026-11" });
    expect(screen.getByTestId("home-from")).toHaveValue("2025-12");
    const from = screen.getByTestId("home-from");
    await user.clear(from);
    await user.type(from, "2026-03");
    await waitFor(() => expect(callsTo("home_get").at(-1)).toEqual({ from: "2026-03", to: "2026-11" }));
  });

  it("says why typed months are not a period and asks for nothing until they are", async () => {
    const { user } = setup();
    await screen.findByTestId("home-card-revenue");
    await user.selectOptions(screen.getByTestId("home-period"), "custom");
    const to = screen.getByTestId("home-to");
    const before = callsTo("home_get").length;
    await user.clear(to);
    await user.type(to, "2026-01");
    const from = screen.getByTestId("home-from");
    await user.clear(from);
    await user.type(from, "2026-05");
    expect(screen.getByTestId("home-period-problem")).toHaveTextContent("The first month is after the last month.");
    expect(callsTo("home_get").filter((a) => a.from === "2026-05")).toEqual([]);
    // The last numbers stay, dimmed.
    expect(card("revenue").closest(".home-stale")).not.toBeNull();
    expect(callsTo("home_get").length).toBeGreaterThanOrEqual(before);
  });

  it("remembers the choice for the session", async () => {
    const { user, view } = setup();
    await screen.findByTestId("home-card-revenue");
    await user.selectOptions(screen.getByTestId("home-period"), "this_year");
    await waitFor(() => expect(callsTo("home_get").at(-1)).toEqual({ from: "2026-01", to: "2026-11" }));
    view.unmount();

    setup();
    expect(screen.getByTestId("home-period")).toHaveValue("this_year");
    await screen.findByTestId("home-card-revenue");
    expect(callsTo("home_get")).toEqual([{ from: "2026-01", to: "2026-11" }]);
  });
});

describe("HomeScreen: key numbers", () => {
  it("shows each number with its change against the period before", async () => {
    setup();
    const revenue = await screen.findByTestId("home-card-revenue");
    // One line per currency, the largest first; a currency new this month shows its amount as the change.
    expect(within(revenue).getByTestId("home-revenue-USD")).toHaveTextContent("$12,000.00+20%");
    expect(within(revenue).getByTestId("home-revenue-EUR")).toHaveTextContent("€500.00+€500.00");
    expect(revenue).toHaveTextContent("vs Oct 2026");
    expect(within(revenue).getByTestId("home-revenue-USD").querySelector(".home-change")).toHaveClass("home-change-good");

    expect(card("sales")).toHaveTextContent("Sales120+20%vs Oct 2026");
    expect(card("new-customers")).toHaveTextContent("New customers30\u221225%");
    expect(card("new-customers").querySelector(".home-change")).toHaveClass("home-change-bad");
    // Earned less given back: $1,200 − $20 = $1,180 against $1,000 − $10 = $990.
    expect(card("commission")).toHaveTextContent("Commission earned$1,180.00+19%");
    expect(screen.getByTestId("home-given-back")).toHaveTextContent("Given back \u2212$20.00");
    // More refunds is bad news; the rate is refunds over sales.
    expect(card("refunds")).toHaveTextContent("Refunds$300.00+200%");
    expect(card("refunds").querySelector(".home-change")).toHaveClass("home-change-bad");
    expect(screen.getByTestId("home-refund-rate")).toHaveTextContent("6 refunds · 5% of sales (was 2%)");
    expect(card("unattributed")).toHaveTextContent("Unattributed sales$50.00No change");
    expect(card("new-partners")).toHaveTextContent("New partners4+4");
    expect(card("active-partners")).toHaveTextContent("Active partners57today");
  });

  it("says 'vs previous N months' for a longer period", async () => {
    const { user } = setup({
      home: ({ from, to }) => homeFixture({ from: from as string, to: to as string, previous_from: "2026-08", previous_to: "2026-09" }),
    });
    await screen.findByTestId("home-card-revenue");
    await user.selectOptions(screen.getByTestId("home-period"), "this_quarter");
    await waitFor(() => expect(card("sales")).toHaveTextContent("vs previous 2 months"));
  });

  it("shows the base currency's zero when there is no money at all", async () => {
    const home = homeFixture();
    home.numbers.unattributed = { now: [], before: [] };
    setup({ home: () => home });
    expect(await screen.findByTestId("home-unattributed-USD")).toHaveTextContent("$0.00No change");
  });
});

describe("HomeScreen: what needs attention", () => {
  it("shows the key numbers while the attention is still counted, then its cards", async () => {
    const later = deferred<Attention>();
    setup({ attention: () => later.promise });
    await screen.findByTestId("home-card-revenue");
    const row = screen.getByTestId("home-attention");
    expect(row).toHaveAttribute("data-state", "loading");
    expect(row).toHaveAttribute("aria-busy", "true");
    expect(within(row).getAllByLabelText("Counting")).toHaveLength(7);
    // Asked after the numbers, so the one reader answers them first.
    await waitFor(() => expect(callsTo("home_attention")).toHaveLength(1));
    const order = vi.mocked(invoke).mock.calls.map(([cmd]) => cmd);
    expect(order.indexOf("home_get")).toBeLessThan(order.indexOf("home_attention"));

    await act(async () => later.resolve(attentionFixture()));
    expect(row).toHaveAttribute("data-state", "ready");
    expect(screen.getByTestId("home-pending-USD")).toHaveTextContent("$450.00");
    expect(screen.getByTestId("home-approved-USD")).toHaveTextContent("$1,200.00");
    expect(screen.getByTestId("home-next-run-total")).toHaveTextContent("$980.00");
    expect(screen.getByTestId("home-next-run-who")).toHaveTextContent("11 partners would be paid; 3 held");
    expect(card("next-run")).toHaveTextContent("if run through Nov 15, 2026");
    expect(card("onboarding")).toHaveTextContent("on a step for 7 days or more");
  });

  it("draws the eye to what waits and keeps nothing-waiting calm", async () => {
    setup();
    await waitFor(() => expect(screen.getByTestId("home-attention")).toHaveAttribute("data-state", "ready"));
    expect(card("applications")).toHaveAttribute("data-tone", "warn");
    expect(card("email")).toHaveAttribute("data-tone", "alert");
    expect(card("pending")).toHaveAttribute("data-tone", "info");
    expect(card("onboarding")).toHaveAttribute("data-tone", "calm");
    expect(card("risk")).toHaveAttribute("data-tone", "calm");
  });

  it("offers to try again when the attention cannot be read, keeping the numbers", async () => {
    let fail = true;
    const { user } = setup({
      attention: () => {
        if (fail) throw { code: "internal", message: "the run estimate failed", field: null };
        return attentionFixture();
      },
    });
    await waitFor(() => expect(screen.getByTestId("home-attention")).toHaveTextContent("The run estimate failed."));
    expect(card("revenue")).toHaveTextContent("$12,000.00");
    fail = false;
    await user.click(within(screen.getByTestId("home-attention")).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("home-pending-USD")).toHaveTextContent("$450.00");
  });
});

describe("HomeScreen: a new book", () => {
  const empty = () => homeFixture({ setup: { partners: 0, sales: 0, plan_set: false } });

  it("shows the first steps instead of charts, and how far along they are", async () => {
    const { user, onNavigate } = setup({ home: empty, attention: quietAttention });
    const guide = await screen.findByTestId("home-get-started");
    expect(within(guide).getByTestId("home-step-partners")).toHaveAttribute("data-done", "false");
    expect(within(guide).getByTestId("home-step-sales")).toHaveAttribute("data-done", "false");
    expect(within(guide).getByTestId("home-step-plan")).toHaveAttribute("data-done", "false");
    expect(screen.queryByTestId("home-chart-trend")).toBeNull();
    expect(screen.queryByTestId("home-card-revenue")).toBeNull();
    await waitFor(() => expect(callsTo("home_attention")).toHaveLength(1));
    // Nothing waits: no attention row either.
    expect(screen.queryByTestId("home-attention")).toBeNull();

    await user.click(screen.getByTestId("home-step-partners-open"));
    expect(onNavigate).toHaveBeenLastCalledWith("partners", { import: true });
    await user.click(screen.getByTestId("home-step-sales-open"));
    expect(onNavigate).toHaveBeenLastCalledWith("conversions", { import: true });
    await user.click(screen.getByTestId("home-step-plan-open"));
    expect(onNavigate).toHaveBeenLastCalledWith("plans");
  });

  it("marks the steps done and keeps the attention row when something waits", async () => {
    setup({ home: () => homeFixture({ setup: { partners: 3, sales: 0, plan_set: true } }), attention: () => attentionFixture() });
    const guide = await screen.findByTestId("home-get-started");
    expect(within(guide).getByTestId("home-step-partners")).toHaveAttribute("data-done", "true");
    expect(within(guide).getByTestId("home-step-partners")).toHaveTextContent("3 partners in the book");
    expect(within(guide).getByTestId("home-step-plan")).toHaveAttribute("data-done", "true");
    expect(await screen.findByTestId("home-attention")).toBeInTheDocument();
    expect(screen.getByTestId("home-applications-count")).toHaveTextContent("3");
    expect(screen.queryByTestId("home-chart-top")).toBeNull();
  });
});

describe("HomeScreen: click-through", () => {
  const NOV = { from: "2026-11-01", to: "2026-11-30" };

  it("opens the list behind each number", async () => {
    const { user, onNavigate } = setup();
    await screen.findByTestId("home-card-revenue");
    const opens = async (id: string) => {
      await user.click(card(id));
      return onNavigate.mock.calls.at(-1);
    };
    expect(await opens("revenue")).toEqual(["conversions", { ...NOV, kinds: ["sale", "recurring"] }]);
    expect(await opens("sales")).toEqual(["conversions", { ...NOV, kinds: ["sale", "recurring"] }]);
    expect(await opens("refunds")).toEqual(["conversions", { ...NOV, kinds: ["refund", "chargeback"] }]);
    expect(await opens("commission")).toEqual(["commissions", NOV]);
    expect(await opens("unattributed")).toEqual(["reports", { report: "unattributed", ...NOV }]);
    expect(await opens("active-partners")).toEqual(["partners", { statuses: ["active"] }]);
    expect(await opens("new-partners")).toEqual(["partners", { sort: "created", descending: true }]);
    await waitFor(() => expect(screen.getByTestId("home-attention")).toHaveAttribute("data-state", "ready"));
    expect(await opens("pending")).toEqual(["commissions", { states: ["pending"] }]);
    expect(await opens("approved")).toEqual(["commissions", { states: ["approved"] }]);
    expect(await opens("next-run")).toEqual(["payouts", { newRun: true }]);
    expect(await opens("applications")).toEqual(["applications", { status: "pending" }]);
    expect(await opens("onboarding")).toEqual(["onboarding"]);
    expect(await opens("email")).toEqual(["email", { outbox: "failed" }]);
    expect(await opens("risk")).toEqual(["risk"]);
  });

  it("opens the list behind each bar, and behind each row of the figures", async () => {
    const { user, onNavigate } = setup();
    const top = await screen.findByTestId("home-top-plot");
    await user.click(within(top).getAllByTestId("home-top-plot-bar")[1]);
    expect(onNavigate).toHaveBeenLastCalledWith("partners", { partnerId: 4 });

    await user.click(screen.getByTestId("plot-month-2026-03"));
    expect(onNavigate).toHaveBeenLastCalledWith("conversions", { from: "2026-03-01", to: "2026-03-31", kinds: ["sale", "recurring"] });

    await user.click(within(await screen.findByTestId("home-groups-plot")).getAllByTestId("home-groups-plot-bar")[0]);
    expect(onNavigate).toHaveBeenLastCalledWith("reports", { report: "groups", ...NOV });

    await user.click(within(await screen.findByTestId("home-refunds-plot")).getAllByTestId("home-refunds-plot-bar")[0]);
    expect(onNavigate).toHaveBeenLastCalledWith("conversions", { ...NOV, partner: { id: 4, name: "Bram de Vries" }, kinds: ["refund", "chargeback"] });

    const funnel = within(await screen.findByTestId("home-funnel-plot")).getAllByTestId("home-funnel-plot-bar");
    await user.click(funnel[0]);
    expect(onNavigate).toHaveBeenLastCalledWith("applications", { status: "all" });
    await user.click(funnel[3]);
    expect(onNavigate).toHaveBeenLastCalledWith("payouts");

    // The figures under a chart lead to the same places.
    await user.click(within(screen.getByTestId("home-top-table")).getByRole("button", { name: "Chen Wei" }));
    expect(onNavigate).toHaveBeenLastCalledWith("partners", { partnerId: 12 });

    // The top partners' chart leads to the whole list, highest revenue first.
    await user.click(screen.getByTestId("home-top-all"));
    expect(onNavigate).toHaveBeenLastCalledWith("partners", { sort: "revenue", descending: true });
  });
});

describe("HomeScreen: charts", () => {
  it("gives each chart its figures as text: the top partners in order, with their revenue", async () => {
    setup();
    const chart = await screen.findByTestId("home-chart-top");
    const rows = within(within(chart).getByTestId("home-top-table")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["PartnerRevenueSales", "Zoe Okafor$7,000.0040", "Bram de Vries$3,000.0030", "Chen Wei$2,000.0020"]);
    expect(within(chart).getByRole("img")).toHaveAttribute(
      "aria-label",
      "Top 3 partners by revenue in USD, Nov 2026: Zoe Okafor $7,000.00; Bram de Vries $3,000.00; Chen Wei $2,000.00.",
    );
    const refunds = within(screen.getByTestId("home-refunds-table")).getAllByRole("row");
    expect(refunds.map((r) => r.textContent)).toEqual(["PartnerRefundsSalesRate", "Bram de Vries53017%", "Zoe Okafor1402.5%"]);
    const funnel = within(screen.getByTestId("home-funnel-table")).getAllByRole("row");
    expect(funnel.map((r) => r.textContent)).toEqual(["StepPartners", "Applied12", "Approved8", "Made a sale6 (75%)", "Paid2 (25%)"]);
    const months = within(screen.getByTestId("home-chart-trend")).getAllByRole("row");
    expect(months).toHaveLength(13);
    expect(months[12]).toHaveTextContent("Nov 2026$12,000.00$1,180.00");
  });

  it("shows one currency at a time, most sold first, with a switch", async () => {
    const { user } = setup();
    const chart = await screen.findByTestId("home-chart-top");
    expect(screen.getByTestId("home-currency-USD")).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByTestId("home-currency-EUR"));
    const rows = within(within(chart).getByTestId("home-top-table")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["PartnerRevenueSales", "Élodie Martin€500.002"]);
    // Groups re-ranked by their EUR revenue.
    const groups = within(screen.getByTestId("home-groups-table")).getAllByRole("row");
    expect(groups[1]).toHaveTextContent("(no group)3€500.00");
    expect(screen.getByTestId("home-chart-trend")).toHaveTextContent("12 months to Nov 2026, EUR");
  });

  it("has no currency switch when everything is in one currency, and says so when a chart is empty", async () => {
    const home = homeFixture();
    home.partners.top = home.partners.top.slice(0, 1);
    home.partners.groups = [{ group_id: 2, name: "Creators", partners: 14, revenue: [usd(900000)], commission: [] }];
    home.trend = home.trend.map((p) => ({ ...p, revenue: p.revenue.filter((m) => m.currency === "USD") }));
    home.partners.refund_rates = [];
    setup({ home: () => home });
    await screen.findByTestId("home-chart-top");
    expect(screen.queryByTestId("home-currency-USD")).toBeNull();
    expect(screen.getByTestId("home-chart-refunds-empty")).toHaveTextContent("No partner with 10 or more sales had a refund in Nov 2026.");
  });

  it("asks again with the refund floor the manager types, and remembers it", async () => {
    const { user } = setup({ home: ({ from, to, floor }) => homeFixture({ from: from as string, to: to as string, partners: { ...homeFixture().partners, floor: (floor as number) ?? 10 } }) });
    const floor = await screen.findByTestId("home-refund-floor");
    expect(floor).toHaveValue(10);
    await user.clear(floor);
    await user.type(floor, "25");
    await waitFor(() => expect(callsTo("home_get").at(-1)).toEqual({ from: "2026-11", to: "2026-11", floor: 25 }), { timeout: 2000 });
    expect(callsTo("home_get").some((a) => a.floor === 2)).toBe(false);
    await waitFor(() => expect(screen.getByTestId("home-chart-refunds")).toHaveTextContent("partners with at least"));
    expect(sessionStorage.getItem("partnerbook.home.refundFloor")).toBe("25");
  });
});
