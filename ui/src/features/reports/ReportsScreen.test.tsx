import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PerformanceRow } from "../../bindings/PerformanceRow";
import type { ProgramReport } from "../../bindings/ProgramReport";
import type { TaxYear } from "../../bindings/TaxYear";
import type { UnattributedSale } from "../../bindings/UnattributedSale";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { defaultTaxYear, lastMonthRange, monthLabel, monthProblem, rangeProblem, taxYearChoices } from "./api";
import { ReportsScreen, type ReportsIntent } from "./ReportsScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const eur = (minor: number) => ({ minor, currency: "EUR" });
const usd = (minor: number) => ({ minor, currency: "USD" });

const PROGRAM: ProgramReport = {
  period: "2026-11",
  program_name: "Acme Partners",
  business_name: "Acme Ltd",
  sales: 1234,
  revenue: [eur(4500000), usd(12345678)],
  refunds: 7,
  refunded: [usd(21000)],
  commissions: usd(987654),
  given_back: usd(-4200),
  earning_partners: 41,
  paid_out: usd(250000),
  top: [
    { partner_id: 9, name: "Zoe Okafor", sales: 88, commission: usd(123400) },
    { partner_id: 4, name: "Bram de Vries", sales: 12, commission: usd(9900) },
  ],
};

const QUIET: ProgramReport = {
  ...PROGRAM,
  sales: 0,
  revenue: [],
  refunds: 0,
  refunded: [],
  commissions: usd(0),
  given_back: usd(0),
  earning_partners: 0,
  paid_out: usd(0),
  top: [],
};

const LONG_NAME = "Northwind Outdoor Adventures and Mountain Gear Reviews International";

const PARTNERS: PerformanceRow[] = [
  { id: 9, name: LONG_NAME, partners: 1, sales: 30, refunds: 2, new_customers: 25, revenue: [eur(99000), usd(150050)], commission: usd(45015), paid: usd(30000) },
  { id: 4, name: "Bram de Vries", partners: 1, sales: 3, refunds: 0, new_customers: 3, revenue: [usd(9000)], commission: usd(900), paid: usd(0) },
];

const GROUPS: PerformanceRow[] = [
  { id: 2, name: "Creators", partners: 14, sales: 310, refunds: 9, new_customers: 200, revenue: [usd(4500000)], commission: usd(450000), paid: usd(120000) },
  { id: null, name: "(no group)", partners: 3, sales: 5, refunds: 0, new_customers: 5, revenue: [], commission: usd(1000), paid: usd(0) },
];

const WHY = "referral ZOE10, coupon SPRING-SALE-2026-FALL matches no partner";

const UNATTRIBUTED: UnattributedSale[] = [
  {
    conversion_id: 51,
    occurred_at: "2026-11-03T12:00:00Z",
    source: "stripe",
    external_id: "ch_3QxYz",
    amount: usd(4900),
    customer: "kim@example.com",
    carried: ["referral ZOE10", "coupon SPRING-SALE-2026-FALL"],
    why: WHY,
  },
  {
    conversion_id: 52,
    occurred_at: "2026-11-20T12:00:00Z",
    source: "csv",
    external_id: "row-7",
    amount: null,
    customer: "",
    carried: [],
    why: "no code, no partner key and no customer",
  },
];

const TAX_YEAR = (year: number): TaxYear => ({
  year,
  threshold: usd(200000),
  rows: [
    {
      partner_id: 9,
      payee_name: "Zoe Okafor",
      company: "Okafor Media LLC",
      address: "1 Main St",
      country: "US",
      form: "none",
      tin: "",
      tin_kind: "",
      paid: [
        { method: "wise", amount: usd(350000) },
        { method: "paypal", amount: usd(120000) },
      ],
      reportable: [usd(350000)],
      network: [usd(120000)],
      over_threshold: true,
      needs_1099: true,
    },
    {
      partner_id: 4,
      payee_name: "Bram de Vries",
      company: "",
      address: "Keizersgracht 1",
      country: "NL",
      form: "w8ben",
      tin: "*********0125",
      tin_kind: "foreign",
      paid: [{ method: "wise", amount: usd(250000) }],
      reportable: [usd(250000)],
      network: [],
      over_threshold: true,
      needs_1099: false,
    },
    {
      partner_id: 7,
      payee_name: "Ana Lima",
      company: "",
      address: "",
      country: "US",
      form: "w9",
      tin: "***-**-6789",
      tin_kind: "SSN",
      paid: [{ method: "paypal", amount: usd(90000) }],
      reportable: [],
      network: [usd(90000)],
      over_threshold: false,
      needs_1099: false,
    },
  ],
});

type Answers = {
  taxYear?: (year: number) => TaxYear;
  program?: ProgramReport;
  performance?: (by: unknown) => PerformanceRow[];
  unattributed?: UnattributedSale[];
  save?: (args: Record<string, unknown>) => unknown;
};

function setup(answers: Answers = {}, initial?: ReportsIntent) {
  vi.mocked(invoke).mockReset();
  vi.mocked(save).mockReset();
  mockCommands({
    report_program: () => answers.program ?? PROGRAM,
    report_performance: (a) => (answers.performance ?? ((by) => (by === "group" ? GROUPS : PARTNERS)))(a.by),
    report_unattributed: () => answers.unattributed ?? UNATTRIBUTED,
    report_payouts: () => [
      { run_id: 3, through: "2026-11-30", approved_at: null, method: "paypal", payouts: 2, paid: 1, failed: 0, pending: 1, total: eur(30000), paid_total: eur(10000) },
      { run_id: 3, through: "2026-11-30", approved_at: null, method: "iban", payouts: 1, paid: 1, failed: 0, pending: 0, total: eur(5000), paid_total: eur(5000) },
    ],
    report_refunds: () => [
      { partner_id: 7, partner_name: "Ana Lima", refunds: 2, chargebacks: 1, given_back: [eur(4000), usd(1500)], reversed: eur(-800), clawed_back: eur(-200) },
    ],
    report_tax_year: (a) => (answers.taxYear ?? TAX_YEAR)(a.year as number),
    report_save: answers.save ?? (() => 2),
  });
  render(
    <ToastProvider>
      <ReportsScreen initial={initial} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const [FROM, TO] = lastMonthRange(new Date());
const MONTH = FROM.slice(0, 7);

describe("ReportsScreen: the program report", () => {
  it("opens on last month's program report: key figures and top partners", async () => {
    setup();
    const view = await screen.findByTestId("report-program-view");
    expect(callsTo("report_program")).toEqual([{ period: MONTH }]);
    expect(screen.getByTestId("report-month")).toHaveValue(MONTH);
    expect(within(view).getByTestId("report-figure-sales")).toHaveTextContent("Sales and renewals1,234");
    // Each currency of the revenue on its own line.
    const revenue = within(view).getByTestId("report-figure-revenue");
    expect(within(revenue).getByText("€45,000.00")).toHaveClass("reports-line");
    expect(within(revenue).getByText("$123,456.78")).toHaveClass("reports-line");
    expect(within(view).getByTestId("report-figure-refunds")).toHaveTextContent("Refunds and chargebacks7$210.00");
    expect(within(view).getByTestId("report-figure-commissions")).toHaveTextContent("Commissions earned$9,876.54by 41 partners");
    expect(within(view).getByTestId("report-figure-given-back")).toHaveTextContent("\u2212$42.00");
    expect(within(view).getByTestId("report-figure-paid-out")).toHaveTextContent("$2,500.00");
    const rows = within(screen.getByTestId("report-top")).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(["#PartnerSalesCommission", "1Zoe Okafor88$1,234.00", "2Bram de Vries12$99.00"]);
  });

  it("reads the month picked and says plainly when nothing happened in it", async () => {
    const user = setup({ program: QUIET });
    expect(await screen.findByText("Nothing in this month")).toBeInTheDocument();
    expect(screen.getByText(`No sale, refund, commission or payout is dated in ${monthLabel("2026-11")}.`)).toBeInTheDocument();
    const month = screen.getByTestId("report-month");
    await user.clear(month);
    expect(screen.getByTestId("report-problem")).toHaveTextContent("Choose a month.");
    expect(screen.getByTestId("report-save-pdf")).toBeDisabled();
    await user.type(month, "2026-09");
    await screen.findByText("Nothing in this month");
    expect(callsTo("report_program").map((a) => a.period)).toEqual([MONTH, "2026-09"]);
  });

  it("is saved as a PDF only, for its month", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    expect(screen.queryByTestId("report-save-csv")).not.toBeInTheDocument();
    vi.mocked(save).mockResolvedValue("/home/ana/program.pdf");
    await user.click(screen.getByTestId("report-save-pdf"));
    expect(await screen.findByText(`Saved the program report for ${monthLabel(MONTH)} to program.pdf.`)).toBeInTheDocument();
    expect(callsTo("report_save")).toEqual([{ report: "program", from: MONTH, to: null, path: "/home/ana/program.pdf", tins: "masked" }]);
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: `program-${MONTH}.pdf`, filters: [{ name: "PDF", extensions: ["pdf"] }] });
  });

  it("shows why the save was refused", async () => {
    const user = setup({
      save: () => {
        throw { code: "invalid", message: "the program report is saved as a PDF", field: "path" };
      },
    });
    await screen.findByTestId("report-program-view");
    vi.mocked(save).mockResolvedValue("/home/ana/program.csv");
    await user.click(screen.getByTestId("report-save-pdf"));
    expect(await screen.findByText(/the program report is saved as a PDF/i)).toBeInTheDocument();
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    vi.mocked(save).mockResolvedValue(null);
    await user.click(screen.getByTestId("report-save-pdf"));
    expect(callsTo("report_save")).toEqual([]);
  });
});

describe("ReportsScreen: partner and group performance", () => {
  it("shows partners over last month, revenue one currency a line, long names cut with the full name in a title", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-partners"));
    const table = await screen.findByTestId("report-table");
    expect(callsTo("report_performance")).toEqual([{ by: "partner", from: FROM, to: TO }]);
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Partner",
      "Sales",
      "Refunds",
      "New customers",
      "Revenue",
      "Commission",
      "Paid",
    ]);
    const [, first, second] = within(table).getAllByRole("row");
    const name = within(first).getByText(LONG_NAME);
    expect(name).toHaveAttribute("title", LONG_NAME);
    expect(within(first).getByText("€990.00")).toHaveClass("reports-line");
    expect(within(first).getByText("$1,500.50")).toHaveClass("reports-line");
    expect(within(first).getByText("$450.15")).toBeInTheDocument();
    expect(second).toHaveTextContent("Bram de Vries303$90.00$9.00$0.00");
  });

  it("asks for days when one is missing and reads again once both are there", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-partners"));
    await screen.findByTestId("report-table");
    await user.clear(screen.getByTestId("report-to"));
    expect(screen.getByTestId("report-problem")).toHaveTextContent("Choose the first and the last day.");
    expect(screen.queryByTestId("report-table")).not.toBeInTheDocument();
    expect(screen.getByTestId("report-save-csv")).toBeDisabled();
    await user.type(screen.getByTestId("report-to"), "2026-11-15");
    await screen.findByTestId("report-table");
    expect(callsTo("report_performance")).toEqual([
      { by: "partner", from: FROM, to: TO },
      { by: "partner", from: FROM, to: "2026-11-15" },
    ]);
  });

  it("shows groups with how many partners each, and saves them as CSV", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-groups"));
    const table = await screen.findByTestId("report-table");
    expect(callsTo("report_performance")).toEqual([{ by: "group", from: FROM, to: TO }]);
    expect(within(table).getAllByRole("columnheader")[0]).toHaveTextContent("Group");
    expect(within(table).getAllByRole("columnheader")[1]).toHaveTextContent("Partners");
    const [, creators, none] = within(table).getAllByRole("row");
    expect(creators).toHaveTextContent("Creators143109200$45,000.00$4,500.00$1,200.00");
    expect(none).toHaveTextContent("(no group)3505—$10.00$0.00");
    vi.mocked(save).mockResolvedValue("/home/ana/groups.csv");
    await user.click(screen.getByTestId("report-save-csv"));
    expect(await screen.findByText("Saved 2 rows to groups.csv.")).toBeInTheDocument();
    expect(callsTo("report_save")).toEqual([{ report: "groups", from: FROM, to: TO, path: "/home/ana/groups.csv", tins: "masked" }]);
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: `groups-${FROM}-to-${TO}.csv` });
  });

  it("says so when no partner did anything in the days", async () => {
    const user = setup({ performance: () => [] });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-partners"));
    expect(await screen.findByText("No partner has a sale, a commission or a payment dated in these days.")).toBeInTheDocument();
    expect(screen.queryByTestId("report-table")).not.toBeInTheDocument();
  });
});

describe("ReportsScreen: unattributed sales", () => {
  it("lists each sale with its date, source and id, amount, customer and why", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-unattributed"));
    const table = await screen.findByTestId("report-table");
    expect(callsTo("report_unattributed")).toEqual([{ from: FROM, to: TO }]);
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Date", "Sale", "Amount", "Customer", "Why no partner"]);
    const [, first, second] = within(table).getAllByRole("row");
    const cells = within(first).getAllByRole("cell");
    expect(cells.map((c) => c.textContent)).toEqual(["Nov 3, 2026", "stripe ch_3QxYz", "$49.00", "kim@example.com", WHY]);
    expect(cells[1]).toHaveAttribute("title", "stripe ch_3QxYz");
    expect(cells[4]).toHaveAttribute("title", WHY);
    expect(within(second).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "Nov 20, 2026",
      "csv row-7",
      "—",
      "—",
      "no code, no partner key and no customer",
    ]);
  });

  it("saves them as PDF", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-unattributed"));
    await screen.findByTestId("report-table");
    vi.mocked(save).mockResolvedValue("/home/ana/unattributed.pdf");
    await user.click(screen.getByTestId("report-save-pdf"));
    expect(await screen.findByText("Saved 2 rows to unattributed.pdf.")).toBeInTheDocument();
    expect(callsTo("report_save")).toEqual([{ report: "unattributed", from: FROM, to: TO, path: "/home/ana/unattributed.pdf", tins: "masked" }]);
  });

  it("says plainly when every sale has a partner", async () => {
    const user = setup({ unattributed: [] });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-unattributed"));
    expect(await screen.findByText("No unattributed sales")).toBeInTheDocument();
    expect(screen.getByText("Every sale and renewal dated in these days has a partner.")).toBeInTheDocument();
  });
});

describe("ReportsScreen: payouts and refunds", () => {
  it("shows payouts by run, then refunds per partner with each currency on its own line", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-payouts"));
    const table = await screen.findByTestId("report-table");
    // Each method in words, as the payouts and the tax year name them.
    const methods = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell")[2].textContent);
    expect(methods).toEqual(["PayPal", "Bank transfer"]);
    expect(callsTo("report_payouts")).toEqual([{ from: FROM, to: TO }]);
    await user.click(screen.getByTestId("report-refunds"));
    expect(await screen.findByText("Ana Lima")).toBeInTheDocument();
    expect(callsTo("report_refunds")).toEqual([{ from: FROM, to: TO }]);
    expect(screen.getByText("€40.00")).toHaveClass("reports-line");
    expect(screen.getByText("$15.00")).toHaveClass("reports-line");
  });

  it("saves the report shown as CSV where the manager picks", async () => {
    const user = setup({ save: () => 1 });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-payouts"));
    await screen.findByTestId("report-table");
    vi.mocked(save).mockResolvedValue("/home/ana/payouts.csv");
    await user.click(screen.getByTestId("report-save-csv"));
    expect(await screen.findByText("Saved 1 row to payouts.csv.")).toBeInTheDocument();
    expect(callsTo("report_save")).toEqual([{ report: "payouts", from: FROM, to: TO, path: "/home/ana/payouts.csv", tins: "masked" }]);
  });
});

describe("lastMonthRange", () => {
  it("is the whole month before", () => {
    expect(lastMonthRange(new Date("2026-12-05T10:00:00Z"))).toEqual(["2026-11-01", "2026-11-30"]);
    expect(lastMonthRange(new Date("2027-01-15T10:00:00Z"))).toEqual(["2026-12-01", "2026-12-31"]);
  });
});

describe("periods", () => {
  it("names a month", () => {
    expect(monthLabel("2026-11", "en-US")).toBe("November 2026");
    expect(monthLabel("2026-13", "en-US")).toBe("2026-13");
  });

  it("checks a month", () => {
    expect(monthProblem("2026-11")).toBeNull();
    expect(monthProblem("")).toBe("Choose a month.");
    expect(monthProblem("2026-13")).toBe("“2026-13” is not a month like 2026-11.");
  });

  it("checks days", () => {
    expect(rangeProblem("2026-11-01", "2026-11-30")).toBeNull();
    expect(rangeProblem("2026-11-01", "")).toBe("Choose the first and the last day.");
    expect(rangeProblem("", "", true)).toBeNull();
    expect(rangeProblem("2026-02-30", "2026-03-01")).toBe("“2026-02-30” is not a date like 2026-11-30.");
    expect(rangeProblem("2026-11-30", "2026-11-01")).toBe("The first day is after the last day.");
  });
});

describe("ReportsScreen opened for a report", () => {
  it("shows the report and the days it was opened for", async () => {
    setup({}, { report: "groups", from: "2026-09-01", to: "2026-11-30" });
    expect(await screen.findByTestId("report-table")).toHaveTextContent("Creators");
    expect(callsTo("report_performance")).toEqual([{ by: "group", from: "2026-09-01", to: "2026-11-30" }]);
    expect(screen.getByTestId("report-groups")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("report-from")).toHaveValue("2026-09-01");
    expect(screen.getByTestId("report-to")).toHaveValue("2026-11-30");
    expect(callsTo("report_program")).toEqual([]);
  });
});

describe("ReportsScreen: the tax year", () => {
  const YEAR = defaultTaxYear(new Date());

  it("opens on last year until March, this year from then on, offering five years", () => {
    expect(defaultTaxYear(new Date(2027, 1, 28))).toBe(2026);
    expect(defaultTaxYear(new Date(2027, 2, 1))).toBe(2027);
    expect(defaultTaxYear(new Date(2026, 11, 6))).toBe(2026);
    expect(taxYearChoices(new Date(2027, 0, 10))).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it("shows the threshold, who needs a 1099-NEC and what was paid, and reads the year picked", async () => {
    const user = setup();
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-tax-year"));
    const table = await screen.findByTestId("report-table");
    expect(callsTo("report_tax_year")).toEqual([{ year: YEAR }]);
    expect(screen.getByTestId("report-year")).toHaveValue(String(YEAR));
    expect(screen.getByTestId("tax-threshold")).toHaveTextContent(`1099-NEC threshold for ${YEAR}: $2,000.00 — PayPal payments are reported by PayPal`);
    expect(screen.getByTestId("tax-count")).toHaveTextContent("1 of 3 payees need a 1099-NEC");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Payee",
      "Tax form",
      "TIN",
      "Paid",
      "Reportable",
      "Paid through PayPal",
      "1099-NEC",
    ]);
    const [, zoe, bram, ana] = within(table).getAllByRole("row");
    expect(within(zoe).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "Zoe OkaforOkafor Media LLC",
      "none",
      "—",
      "Wise $3,500.00PayPal $1,200.00",
      "$3,500.00",
      "$1,200.00",
      "yes",
    ]);
    // No form on file for a payee who needs a 1099-NEC: a warning.
    expect(within(zoe).getByTestId("tax-form-warning")).toHaveTextContent("none");
    expect(within(bram).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "Bram de Vries",
      "W-8BEN",
      "*********0125 · foreign",
      "Wise $2,500.00",
      "$2,500.00",
      "—",
      "no (W-8BEN, over)",
    ]);
    // Over the threshold, yet no 1099-NEC: the title says why.
    expect(within(bram).getByText("no (W-8BEN, over)")).toHaveAttribute("title", "Over the threshold, but a foreign person on a W-8BEN gets no 1099-NEC");
    expect(within(ana).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Ana Lima", "W-9", "***-**-6789 · SSN", "PayPal $900.00", "—", "$900.00", "no"]);
    expect(within(ana).getByTestId("tax-needs").querySelector("[title]")).toBeNull();
    expect(within(table).getAllByTestId("tax-form-warning")).toHaveLength(1);
    expect(within(table).queryByTestId("tax-tin-warning")).not.toBeInTheDocument();
    expect(within(ana).getByText("· SSN", { exact: false })).toHaveClass("muted");

    await user.selectOptions(screen.getByTestId("report-year"), String(YEAR - 2));
    await screen.findByText(`1099-NEC threshold for ${YEAR - 2}: $2,000.00 — PayPal payments are reported by PayPal`);
    expect(callsTo("report_tax_year")).toEqual([{ year: YEAR }, { year: YEAR - 2 }]);
  });

  it("says plainly when nothing was paid in the year", async () => {
    const user = setup({ taxYear: (year) => ({ ...TAX_YEAR(year), rows: [] }) });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-tax-year"));
    expect(await screen.findByText(`Nothing was recorded as paid in ${YEAR}.`)).toBeInTheDocument();
    expect(screen.queryByTestId("report-table")).not.toBeInTheDocument();
  });

  it("saves the 1099-NEC fields as CSV and the summary as PDF, the year in from", async () => {
    const user = setup({ save: () => 3 });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-tax-year"));
    await screen.findByTestId("report-table");
    vi.mocked(save).mockResolvedValue("/home/ana/tax.csv");
    await user.click(screen.getByTestId("report-save-csv"));
    expect(await screen.findByText("Saved 3 rows to tax.csv.")).toBeInTheDocument();
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: `tax-year-${YEAR}.csv`, filters: [{ name: "CSV", extensions: ["csv"] }] });
    vi.mocked(save).mockResolvedValue("/home/ana/tax.pdf");
    await user.click(screen.getByTestId("report-save-pdf"));
    expect(await screen.findByText("Saved 3 rows to tax.pdf.")).toBeInTheDocument();
    expect(callsTo("report_save")).toEqual([
      { report: "tax-year", from: String(YEAR), to: null, path: "/home/ana/tax.csv", tins: "masked" },
      { report: "tax-year", from: String(YEAR), to: null, path: "/home/ana/tax.pdf", tins: "masked" },
    ]);
  });

  it("names each way a payee was paid as the payouts do", async () => {
    const user = setup({
      taxYear: (year) => {
        const t = TAX_YEAR(year);
        const paid = [
          { method: "iban", amount: eur(136366) },
          { method: "other", amount: usd(1000) },
        ];
        return { ...t, rows: [{ ...t.rows[1], paid }] };
      },
    });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-tax-year"));
    const table = await screen.findByTestId("report-table");
    const [, bram] = within(table).getAllByRole("row");
    const lines = within(bram).getAllByRole("cell")[3].querySelectorAll(".reports-line");
    expect([...lines].map((l) => l.textContent)).toEqual(["Bank transfer €1,363.66", "Other $10.00"]);
  });

  it("says TIN missing for every W-9 payee without one: a warning when a 1099-NEC is due, quieter when not", async () => {
    const user = setup({
      taxYear: (year) => {
        const t = TAX_YEAR(year);
        const ana = t.rows[2];
        const kim = { ...ana, partner_id: 8, payee_name: "Kim Ode", tin: "", tin_kind: "", reportable: [usd(300000)], over_threshold: true, needs_1099: true };
        const lee = { ...ana, partner_id: 6, payee_name: "Lee Park", tin: "", tin_kind: "" };
        // Not on a W-9: no TIN is no warning here (the tax form column speaks for them).
        const bram = { ...t.rows[1], tin: "", tin_kind: "", over_threshold: false };
        return { ...t, rows: [kim, ana, lee, bram] };
      },
    });
    await screen.findByTestId("report-program-view");
    await user.click(screen.getByTestId("report-tax-year"));
    const table = await screen.findByTestId("report-table");
    const [, kim, ana, lee, bram] = within(table).getAllByRole("row");
    const due = within(kim).getByTestId("tax-tin-warning");
    expect(due).toHaveTextContent("TIN missing");
    expect(due).toHaveClass("pill-tone-amber");
    expect(due).toHaveAttribute("title", "Get the TIN on their W-9 before filing");
    const quiet = within(lee).getByTestId("tax-tin-warning");
    expect(quiet).toHaveTextContent("TIN missing");
    expect(quiet).toHaveClass("pill-tone-muted");
    expect(quiet).not.toHaveClass("pill-tone-amber");
    expect(quiet).toHaveAttribute("title", "No 1099-NEC is due for this year; get the TIN on their W-9 before one is");
    expect(within(lee).getByTestId("tax-needs")).toHaveTextContent("no");
    expect(within(ana).queryByTestId("tax-tin-warning")).not.toBeInTheDocument();
    expect(within(bram).queryByTestId("tax-tin-warning")).not.toBeInTheDocument();
    expect(within(bram).getByTestId("tax-tin")).toHaveTextContent("—");
    expect(within(table).getAllByTestId("tax-tin-warning")).toHaveLength(2);
  });

  it("saves the CSV with full TINs only when asked; the PDF always masks", async () => {
    const user = setup({ save: () => 3 });
    await screen.findByTestId("report-program-view");
    expect(screen.queryByTestId("report-full-tins")).not.toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "CSV export" })).not.toBeInTheDocument();
    await user.click(screen.getByTestId("report-tax-year"));
    await screen.findByTestId("report-table");
    const full = screen.getByLabelText("Full TINs in the CSV");
    expect(full).not.toBeChecked();
    expect(full.closest("label")).toHaveAttribute("title", "The CSV a 1099 filing needs; keep the file safe");
    // In one frame with Save as CSV…, after it; Save as PDF… is outside.
    const group = screen.getByRole("group", { name: "CSV export" });
    expect(group).toContainElement(full);
    expect([...group.querySelectorAll("button, input")].map((el) => el.getAttribute("data-testid"))).toEqual(["report-save-csv", "report-full-tins"]);
    expect(group).not.toContainElement(screen.getByTestId("report-save-pdf"));

    vi.mocked(save).mockResolvedValue("/home/ana/tax.csv");
    await user.click(screen.getByTestId("report-save-csv"));
    await screen.findByText("Saved 3 rows to tax.csv.");
    await user.click(full);
    await user.click(screen.getByTestId("report-save-csv"));
    await waitFor(() => expect(callsTo("report_save")).toHaveLength(2));
    vi.mocked(save).mockResolvedValue("/home/ana/tax.pdf");
    await user.click(screen.getByTestId("report-save-pdf"));
    await screen.findByText("Saved 3 rows to tax.pdf.");
    expect(callsTo("report_save").map((a) => [a.path, a.tins])).toEqual([
      ["/home/ana/tax.csv", "masked"],
      ["/home/ana/tax.csv", "whole"],
      ["/home/ana/tax.pdf", "masked"],
    ]);
  });
});
