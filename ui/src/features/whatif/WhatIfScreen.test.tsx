import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JobProgress } from "../../bindings/JobProgress";
import type { Plan } from "../../bindings/Plan";
import type { WhatIfReport } from "../../bindings/WhatIfReport";
import { ToastProvider } from "../../components/Toast";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { WhatIfScreen } from "./WhatIfScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

const usd = (minor: number) => ({ minor, currency: "USD" });

const plans: Plan[] = [
  {
    id: 1,
    name: "Standard",
    description: "",
    groups: [],
    partners_on_plan: 3,
    is_default: false,
    versions: [
      { id: 11, version: 1, effective_from: "2026-01-01", used: true, rules: [] },
      { id: 12, version: 2, effective_from: "2026-07-01", used: false, rules: [] },
    ],
  },
  { id: 2, name: "Gold", description: "", groups: [], partners_on_plan: 1, is_default: false, versions: [{ id: 21, version: 1, effective_from: "2026-01-01", used: true, rules: [] }] },
];

const report: WhatIfReport = {
  period: "2026-05",
  scenario: "Standard v2 (from 2026-07-01)",
  applies_to: "The 3 partners on Standard, for the whole month.",
  actual_total: usd(100000),
  scenario_total: usd(115000),
  difference: usd(15000),
  conversions: 42,
  held: 2,
  changed: [
    { partner_id: 7, partner_name: "Ana Lima", actual: usd(50000), scenario: usd(70000), difference: usd(20000), conversions: 20 },
    { partner_id: 9, partner_name: "Bruno Costa", actual: usd(30000), scenario: usd(25000), difference: usd(-5000), conversions: 12 },
  ],
  unchanged: 1,
};

type Channel = { onmessage: (p: JobProgress) => void };

function setup(run: (args: Record<string, unknown>) => unknown) {
  vi.mocked(invoke).mockReset();
  mockCommands({ plans_list: () => plans, whatif_run: run, job_cancel: () => null });
  render(
    <ToastProvider>
      <WhatIfScreen baseCurrency="USD" />
    </ToastProvider>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 5, 15, 12, 0));
});
afterEach(() => vi.useRealTimers());

describe("WhatIfScreen", () => {
  it("runs last month under another version and shows who would be paid differently", async () => {
    const running = deferred<WhatIfReport>();
    const user = setup((args) => {
      (args.onProgress as Channel).onmessage({ step: "replaying conversions", done: 21, total: 42 });
      return running.promise;
    });
    expect(await screen.findByTestId("whatif-plan")).toHaveValue("1");
    expect(screen.getByTestId("whatif-period")).toHaveValue("2026-05");
    expect(screen.getByTestId("whatif-version")).toHaveValue("12");

    await user.click(screen.getByTestId("whatif-run"));
    expect(callsTo("whatif_run")[0].request).toEqual({ period: "2026-05", plan: { from: "version", version_id: 12 } });
    expect(await screen.findByTestId("whatif-progress")).toHaveTextContent("Recomputing: replaying conversions");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");

    running.resolve(report);
    const result = await screen.findByTestId("whatif-result");
    expect(within(result).getByText("May 2026 under Standard v2 (from 2026-07-01)")).toBeInTheDocument();
    expect(within(result).getByText("The 3 partners on Standard, for the whole month.")).toBeInTheDocument();
    expect(within(result).getByText("$1,000.00")).toBeInTheDocument();
    expect(within(result).getByText("$1,150.00")).toBeInTheDocument();
    const diff = screen.getByTestId("whatif-difference");
    expect(diff).toHaveTextContent("+$150.00");
    expect(diff).toHaveTextContent("Would cost more");
    expect(diff).toHaveClass("wi-card-more");
    expect(within(result).getByText("1 partner unchanged")).toBeInTheDocument();
    expect(within(result).getByText(/2 lines could not be valued/)).toBeInTheDocument();

    const rows = screen.getAllByTestId("whatif-row");
    expect(rows.map((r) => r.dataset.id)).toEqual(["7", "9"]);
    expect(rows[0]).toHaveTextContent("Ana Lima20$500.00$700.00+$200.00");
    expect(rows[1]).toHaveTextContent("\u2212$50.00");
    expect(rows[1].querySelector(".wi-bar")).toHaveStyle({ width: "25%" });

    await user.type(screen.getByTestId("whatif-filter"), "bru");
    expect(screen.getAllByTestId("whatif-row").map((r) => r.dataset.id)).toEqual(["9"]);

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    await user.click(screen.getByTestId("whatif-copy"));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining("Bruno Costa,9,12,300.00,250.00,-50.00,USD"));
    expect(writeText.mock.calls[0][0]).not.toContain("Ana Lima");
  });

  it("tries another plan and month, and says when nothing would change", async () => {
    const user = setup(() => ({ ...report, period: "2026-04", scenario: "Gold v1 (from 2026-01-01)", difference: usd(0), scenario_total: usd(100000), changed: [], unchanged: 3, held: 0 }));
    await user.selectOptions(await screen.findByTestId("whatif-plan"), "2");
    expect(screen.getByTestId("whatif-version")).toHaveValue("21");
    await user.click(screen.getByLabelText("Month before"));
    expect(screen.getByText(/expect the totals to match/)).toBeInTheDocument();
    await user.click(screen.getByTestId("whatif-run"));
    expect(callsTo("whatif_run")[0].request).toEqual({ period: "2026-04", plan: { from: "version", version_id: 21 } });
    expect(await screen.findByTestId("whatif-nothing")).toHaveTextContent("Nothing would change for April 2026: $1,000.00 either way.");
    expect(screen.getByTestId("whatif-difference")).toHaveTextContent("$0.00");
    expect(screen.queryAllByTestId("whatif-row")).toHaveLength(0);
  });

  it("cancels calmly", async () => {
    const running = deferred<WhatIfReport>();
    const user = setup(() => running.promise);
    await user.click(await screen.findByTestId("whatif-run"));
    await user.click(await screen.findByTestId("whatif-cancel"));
    await waitFor(() => expect(callsTo("job_cancel")).toHaveLength(1));
    running.reject({ code: "cancelled", message: "cancelled; nothing was changed", field: null });
    expect(await screen.findByTestId("whatif-error")).toHaveTextContent("What-if cancelled. Nothing was written");
    expect(screen.getByTestId("whatif-run")).toBeEnabled();
  });
});
