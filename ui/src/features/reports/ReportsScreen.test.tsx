import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { lastMonthRange } from "./api";
import { ReportsScreen } from "./ReportsScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const eur = (minor: number) => ({ minor, currency: "EUR" });

function setup() {
  vi.mocked(invoke).mockReset();
  mockCommands({
    report_payouts: () => [
      { run_id: 3, through: "2026-11-30", approved_at: null, method: "paypal", payouts: 2, paid: 1, failed: 0, pending: 1, total: eur(30000), paid_total: eur(10000) },
    ],
    report_refunds: () => [
      { partner_id: 7, partner_name: "Ana Lima", refunds: 2, chargebacks: 1, given_back: [eur(4000)], reversed: eur(-800), clawed_back: eur(-200) },
    ],
    report_save: () => 1,
  });
  render(
    <ToastProvider>
      <ReportsScreen />
    </ToastProvider>,
  );
  return userEvent.setup();
}

describe("ReportsScreen", () => {
  it("shows payouts by run, then refunds per partner, over last month by default", async () => {
    const user = setup();
    const table = await screen.findByTestId("report-table");
    expect(within(table).getByText("paypal")).toBeInTheDocument();
    const [from, to] = lastMonthRange(new Date());
    expect(callsTo("report_payouts")[0]).toEqual({ from, to });
    await user.click(screen.getByTestId("report-refunds"));
    expect(await screen.findByText("Ana Lima")).toBeInTheDocument();
    expect(callsTo("report_refunds")[0]).toEqual({ from, to });
  });

  it("saves the report shown as CSV where the manager picks", async () => {
    const user = setup();
    await screen.findByTestId("report-table");
    vi.mocked(save).mockResolvedValue("/home/ana/payouts.csv");
    await user.click(screen.getByTestId("report-save-csv"));
    expect(await screen.findByText("Saved 1 row to payouts.csv.")).toBeInTheDocument();
    const [from, to] = lastMonthRange(new Date());
    expect(callsTo("report_save")).toEqual([{ report: "payouts", from, to, path: "/home/ana/payouts.csv" }]);
  });
});

describe("lastMonthRange", () => {
  it("is the whole month before", () => {
    expect(lastMonthRange(new Date("2026-12-05T10:00:00Z"))).toEqual(["2026-11-01", "2026-11-30"]);
    expect(lastMonthRange(new Date("2027-01-15T10:00:00Z"))).toEqual(["2026-12-01", "2026-12-31"]);
  });
});
