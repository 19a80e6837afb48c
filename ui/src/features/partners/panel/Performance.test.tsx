import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MonthPoint } from "../../../bindings/MonthPoint";
import type { Partner } from "../../../bindings/Partner";
import type { PartnerPerformance } from "../../../bindings/PartnerPerformance";
import type { PartnerPayout } from "../../../bindings/PartnerPayout";
import type { Plan } from "../../../bindings/Plan";
import { ToastProvider } from "../../../components/Toast";
import { callsTo, mockCommands } from "../../../test/tauri";
import { PartnerPanel } from "./PartnerPanel";
import type { ChartData } from "./performanceApi";
import { chartData, isQuiet, otherRevenue, statementFileName, toUnits } from "./performanceApi";

vi.mock("@tauri-apps/api/core", async () => (await import("../../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../../test/tauriModules")).dialogModule());

// uPlot draws on a canvas jsdom does not have: the chart is replaced by a
// stand-in that keeps what it was given.
const drawn: ChartData[] = [];
const chartFails = { now: false };
vi.mock("./PerformanceChart", () => ({
  PerformanceChart: ({ data }: { data: ChartData }) => {
    if (chartFails.now) throw new Error("The chart broke");
    drawn.push(data);
    return <div data-testid="performance-chart" />;
  },
}));

const partner: Partner = {
  id: 5,
  name: "Ana Lima",
  first_name: "Ana",
  email: "ana@example.com",
  company: "",
  address: "",
  website: "",
  social_profiles: [],
  country: "BR",
  language: "",
  status: "active",
  group_id: 2,
  group_name: "Creators",
  tags: [],
  custom_fields: {},
  parent_id: null,
  parent_name: null,
  codes: [],
  payout: { method: "paypal", email: "ana@example.com", iban: "", bic: "", other: "" },
  payout_currency: "EUR",
  tax: { status: "none", form_expires: "", vat_id: "", tin: "" },
  terms_version: "",
  terms_accepted_at: null,
  created_at: "2025-01-10T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
  plan_id: null,
  plan_name: "Standard",
  payout_hold: null,
};

const usd = (minor: number) => ({ minor, currency: "USD" });
const eur = (minor: number) => ({ minor, currency: "EUR" });

const MONTHS = ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"];

function quietMonths(): MonthPoint[] {
  return MONTHS.map((month) => ({ month, sales: 0, refunds: 0, revenue: [], commission: usd(0) }));
}

function busyMonths(): MonthPoint[] {
  const months = quietMonths();
  months[10] = { month: "2026-02", sales: 3, refunds: 0, revenue: [usd(30000)], commission: usd(6000) };
  months[11] = { month: "2026-03", sales: 5, refunds: 1, revenue: [eur(1234567), usd(123456)], commission: usd(24691) };
  return months;
}

const payout = (patch: Partial<PartnerPayout> = {}): PartnerPayout => ({
  payout_id: 41,
  run_id: 3,
  through: "2026-02-28",
  amount: usd(6000),
  pay: eur(5530),
  method: "paypal",
  status: "paid",
  settled_at: "2026-03-04T10:00:00Z",
  reference: "PP-BATCH-2026-03-0000000042",
  ...patch,
});

function perf(patch: Partial<PartnerPerformance> = {}): PartnerPerformance {
  return {
    partner_id: 5,
    months: busyMonths(),
    balance: {
      partner_id: 5,
      approved: usd(24691),
      in_payout: usd(0),
      open_adjustments: usd(-500),
      earned: usd(30691),
      paid: usd(6000),
      balance: usd(24691),
    },
    payouts: [payout()],
    ...patch,
  };
}

const plans: Plan[] = [
  {
    id: 1,
    name: "Standard",
    description: "",
    groups: ["Creators"],
    partners_on_plan: 1,
    is_default: false,
    versions: [
      { id: 1, version: 1, effective_from: "2025-01-01", used: true, rules: [{ id: "base", kind: "percentage", rate: "10%", kinds: ["sale"] } as never] },
      { id: 2, version: 2, effective_from: "2026-01-01", used: true, rules: [{ id: "base", kind: "percentage", rate: "20%", kinds: ["sale"] } as never] },
      { id: 3, version: 3, effective_from: "2099-01-01", used: false, rules: [{ id: "base", kind: "percentage", rate: "50%", kinds: ["sale"] } as never] },
    ],
  },
];

async function openPerformance(answer: PartnerPerformance, extra: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    partner_get: () => partner,
    plans_list: () => plans,
    partner_performance_get: () => answer,
    ...extra,
  });
  render(
    <ToastProvider>
      <PartnerPanel
        target={{ mode: "edit", id: partner.id }}
        groups={[]}
        tagSuggestions={[]}
        onGroupsChanged={vi.fn()}
        baseCurrency="USD"
        onSaved={vi.fn()}
        onClose={vi.fn()}
        onDirtyChange={vi.fn()}
      />
    </ToastProvider>,
  );
  const user = userEvent.setup();
  await screen.findByDisplayValue("Ana Lima");
  await user.click(screen.getByTestId("tab-performance"));
  await screen.findByTestId("performance-balance");
  return { user };
}

beforeEach(() => {
  drawn.length = 0;
  chartFails.now = false;
  // "This month" on the machine's calendar; only Date is faked.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 2, 15, 12, 0, 0));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Performance tab", () => {
  it("asks for the twelve months through this machine's month", async () => {
    await openPerformance(perf());
    expect(callsTo("partner_performance_get")).toEqual([{ id: 5, through: "2026-03" }]);
  });

  it("charts commission and the program currency's revenue, month by month, oldest first", async () => {
    await openPerformance(perf());
    expect(screen.getByTestId("performance-chart")).toBeInTheDocument();
    const data = drawn[drawn.length - 1];
    expect(data.currency).toBe("USD");
    expect(data.months).toEqual(MONTHS);
    expect(data.commission).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 246.91]);
    // March's EUR revenue is not drawn on the USD scale.
    expect(data.revenue).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300, 1234.56]);
  });

  it("lists revenue in other currencies beside the chart, and every currency in the month table", async () => {
    await openPerformance(perf());
    expect(screen.getByTestId("performance-other-revenue")).toHaveTextContent("Revenue also came in EUR (€12,345.67) over the twelve months. It is not drawn on the USD scale");
    const rows = screen.getAllByTestId("performance-month");
    expect(rows).toHaveLength(12);
    // Newest first in the table.
    expect(rows[0]).toHaveTextContent("Mar 2026");
    expect(rows[0]).toHaveTextContent("€12,345.67");
    expect(rows[0]).toHaveTextContent("$1,234.56");
    expect(rows[0]).toHaveTextContent("$246.91");
    expect(within(rows[1]).getByText("$60.00")).toBeInTheDocument();
  });

  it("says so when the partner sold nothing in the twelve months, and draws no chart", async () => {
    await openPerformance(perf({ months: quietMonths(), payouts: [] }));
    expect(screen.getByTestId("performance-no-sales")).toHaveTextContent("No sales in the twelve months to March 2026");
    expect(screen.queryByTestId("performance-chart")).toBeNull();
    expect(drawn).toHaveLength(0);
    expect(screen.getByTestId("performance-no-payouts")).toHaveTextContent("No payouts yet");
    expect(screen.queryByTestId("save-statement")).toBeNull();
  });

  it("shows the plan in force today and the rates of the version in force", async () => {
    await openPerformance(perf());
    expect(screen.getByTestId("performance-plan")).toHaveTextContent("Standard — from the group Creators");
    const rules = await screen.findByTestId("performance-rules");
    expect(rules).toHaveTextContent("20% of each sale");
    expect(rules).not.toHaveTextContent("10%");
    expect(rules).not.toHaveTextContent("50%");
  });

  it("shows the balance figures in full", async () => {
    await openPerformance(perf());
    expect(screen.getByTestId("balance-earned")).toHaveTextContent("$306.91");
    expect(screen.getByTestId("balance-paid")).toHaveTextContent("$60.00");
    expect(screen.getByTestId("balance-balance")).toHaveTextContent("$246.91");
    expect(screen.getByTestId("balance-open_adjustments")).toHaveTextContent("−$5.00");
  });

  it("lists each payout with its run, cut-off, amount, what was sent, status, settlement and reference", async () => {
    await openPerformance(perf({ payouts: [payout({ payout_id: 42, run_id: 4, through: "2026-03-31", status: "pending", settled_at: null, reference: null }), payout()] }));
    const rows = screen.getAllByTestId("performance-payout");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("#4");
    expect(rows[0]).toHaveTextContent("Mar 31, 2026");
    expect(rows[0]).toHaveTextContent("Pending");
    expect(rows[0]).toHaveTextContent("Not yet");
    expect(rows[1]).toHaveTextContent("#3");
    expect(rows[1]).toHaveTextContent("Feb 28, 2026");
    expect(rows[1]).toHaveTextContent("$60.00");
    expect(rows[1]).toHaveTextContent("€55.30 by PayPal");
    expect(rows[1]).toHaveTextContent("Paid");
    expect(rows[1]).toHaveTextContent("Mar 4, 2026");
    expect(rows[1]).toHaveTextContent("PP-BATCH-2026-03-0000000042");
  });

  it("saves a payout's statement where the person chooses, offering the run's name", async () => {
    const { user } = await openPerformance(perf(), { statement_save: () => "ST-2026-0003" });
    vi.mocked(save).mockResolvedValueOnce("/books/R3 statement.pdf");
    await user.click(screen.getByTestId("save-statement"));
    expect(await screen.findByTestId("toast")).toHaveTextContent("Saved statement ST-2026-0003 to R3 statement.pdf.");
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "R3 statement.pdf" });
    expect(callsTo("statement_save")).toEqual([{ payoutId: 41, path: "/books/R3 statement.pdf" }]);
  });

  it("writes nothing when the save dialog is cancelled, and reports a refused save", async () => {
    const { user } = await openPerformance(perf(), {
      statement_save: () => {
        throw { code: "io", message: "Permission denied", field: null };
      },
    });
    vi.mocked(save).mockResolvedValueOnce(null);
    await user.click(screen.getByTestId("save-statement"));
    expect(callsTo("statement_save")).toHaveLength(0);
    vi.mocked(save).mockResolvedValueOnce("/ro/R3 statement.pdf");
    await user.click(screen.getByTestId("save-statement"));
    expect(await screen.findByTestId("toast")).toHaveTextContent("Permission denied");
  });

  it("says why when the performance cannot be loaded", async () => {
    vi.mocked(invoke).mockReset();
    mockCommands({
      partner_get: () => partner,
      plans_list: () => plans,
      partner_performance_get: () => {
        throw { code: "not_found", message: "No partner 5", field: null };
      },
    });
    render(
      <ToastProvider>
        <PartnerPanel target={{ mode: "edit", id: 5 }} groups={[]} tagSuggestions={[]} onGroupsChanged={vi.fn()} baseCurrency="USD" onSaved={vi.fn()} onClose={vi.fn()} onDirtyChange={vi.fn()} />
      </ToastProvider>,
    );
    const user = userEvent.setup();
    await screen.findByDisplayValue("Ana Lima");
    await user.click(screen.getByTestId("tab-performance"));
    expect(await screen.findByText(/Could not load the partner's performance/)).toHaveTextContent("No partner 5");
  });
});

describe("Performance tab, when the chart fails", () => {
  it("says so in the panel and keeps the other tabs", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    chartFails.now = true;
    vi.mocked(invoke).mockReset();
    mockCommands({ partner_get: () => partner, plans_list: () => plans, partner_performance_get: () => perf() });
    render(
      <ToastProvider>
        <PartnerPanel target={{ mode: "edit", id: 5 }} groups={[]} tagSuggestions={[]} onGroupsChanged={vi.fn()} baseCurrency="USD" onSaved={vi.fn()} onClose={vi.fn()} onDirtyChange={vi.fn()} />
      </ToastProvider>,
    );
    const user = userEvent.setup();
    await screen.findByDisplayValue("Ana Lima");
    await user.click(screen.getByTestId("tab-performance"));
    expect(await screen.findByText(/Could not open the partner's performance/)).toHaveTextContent("The chart broke");
    await user.click(screen.getByTestId("tab-details"));
    expect(screen.getByDisplayValue("Ana Lima")).toBeInTheDocument();
    quiet.mockRestore();
  });
});

describe("uPlot under LANG=C", () => {
  it("reads a language Intl refuses as English before uPlot is loaded", async () => {
    const real = Object.getOwnPropertyDescriptor(navigator, "language");
    Object.defineProperty(navigator, "language", { configurable: true, get: () => "C" });
    expect(() => new Intl.NumberFormat(navigator.language)).toThrow(RangeError);
    vi.resetModules();
    await import("../../../lib/uplotLocale");
    expect(navigator.language).toBe("en-US");
    if (real) Object.defineProperty(navigator, "language", real);
    else delete (navigator as { language?: string }).language;
  });
});

describe("performance helpers", () => {
  it("turns minor units into whole units by the currency's exponent", () => {
    expect(toUnits(123456, "USD")).toBe(1234.56);
    expect(toUnits(500, "JPY")).toBe(500);
  });

  it("charts 0 for a month without revenue in the program currency", () => {
    expect(chartData([{ month: "2026-03", sales: 1, refunds: 0, revenue: [eur(100)], commission: usd(10) }], "USD").revenue).toEqual([0]);
  });

  it("sums other currencies' revenue by currency, sorted", () => {
    const months: MonthPoint[] = [
      { month: "2026-02", sales: 1, refunds: 0, revenue: [usd(1), { minor: 500, currency: "GBP" }, eur(100)], commission: usd(0) },
      { month: "2026-03", sales: 1, refunds: 0, revenue: [eur(-30)], commission: usd(0) },
    ];
    expect(otherRevenue(months, "USD")).toEqual([eur(70), { minor: 500, currency: "GBP" }]);
  });

  it("is quiet only with no sales, refunds, revenue or commission", () => {
    expect(isQuiet(quietMonths())).toBe(true);
    const refundOnly = quietMonths();
    refundOnly[3] = { ...refundOnly[3], refunds: 1, revenue: [usd(-500)] };
    expect(isQuiet(refundOnly)).toBe(false);
  });

  it("names the statement after its run", () => {
    expect(statementFileName(3)).toBe("R3 statement.pdf");
  });
});
