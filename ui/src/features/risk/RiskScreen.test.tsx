import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RiskFlag } from "../../bindings/RiskFlag";
import type { RiskFlagQuery } from "../../bindings/RiskFlagQuery";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { RiskScreen } from "./RiskScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

function flag(id: number, partner: [number, string], over: Partial<RiskFlag> = {}): RiskFlag {
  return {
    id,
    check: "self_referral",
    severity: "high",
    partner_id: partner[0],
    partner_name: partner[1],
    conversion_id: 100 + id,
    sale: `ch_${id}`,
    evidence: `Evidence of flag ${id}.`,
    hold: true,
    status: "open",
    flagged_on: "2026-03-02",
    resolved_at: null,
    reason: null,
    covered_minor: 2000,
    currency: "EUR",
    ...over,
  };
}

const ANA: [number, string] = [1, "Ana Lima"];
const BRUNO: [number, string] = [2, "Bruno Costa"];

function setup(initial: RiskFlag[]) {
  vi.mocked(invoke).mockReset();
  let flags = initial;
  mockCommands({
    risk_flags: ({ query }) => {
      const q = query as RiskFlagQuery;
      const rows = flags.filter((f) => q.status === null || f.status === q.status);
      return { total: rows.length, rows };
    },
    risk_clear: ({ ids, reason }) => {
      flags = flags.map((f) => ((ids as number[]).includes(f.id) ? { ...f, status: "cleared", reason: reason as string } : f));
      return (ids as number[]).length;
    },
    risk_decline: ({ ids }) => {
      flags = flags.map((f) => ((ids as number[]).includes(f.id) ? { ...f, status: "declined" } : f));
      return { flags: 1, commissions: 2, amount_minor: 2500, in_runs: 0 };
    },
    risk_scan: () => ({ since: null, raised: [{ check: "velocity", count: 1 }], holding: 0, closed: 0 }),
  });
  render(
    <ToastProvider>
      <RiskScreen />
    </ToastProvider>,
  );
}

describe("RiskScreen", () => {
  it("lists open flags by partner with their evidence and what the holds keep back", async () => {
    setup([
      flag(1, ANA),
      flag(2, ANA, { check: "disposable_email", severity: "low", hold: false, covered_minor: 500 }),
      flag(3, BRUNO, { check: "refund_spike", conversion_id: null, sale: null, severity: "medium", covered_minor: 7000 }),
    ]);
    const partners = await screen.findAllByTestId("risk-partner");
    expect(partners.map((p) => within(p).getByRole("heading").textContent)).toEqual(["Ana Lima", "Bruno Costa"]);
    expect(within(partners[0]).getByText("Evidence of flag 1.")).toBeInTheDocument();
    expect(within(partners[0]).getAllByTestId("risk-flag-state").map((p) => p.textContent)).toEqual(["Held", "For review"]);
    // Held: Ana's sale 20.00 and Bruno's partner-level 70.00; the flag for review holds nothing.
    expect(screen.getByTestId("risk-count").textContent).toMatch(/3 open flags · €90\.00 held/);
  });

  it("clears the selected flags with a reason, then shows the rest", async () => {
    const user = userEvent.setup();
    setup([flag(1, ANA), flag(2, ANA), flag(3, BRUNO)]);
    await user.click(await screen.findByRole("checkbox", { name: "Select every open flag of Ana Lima" }));
    expect(screen.getByTestId("risk-bulk").textContent).toContain("2 flags selected");
    await user.click(screen.getByTestId("risk-clear"));
    await user.click(screen.getByTestId("risk-resolve-confirm"));
    expect(await screen.findByText("Say why nothing is wrong.")).toBeInTheDocument();
    await user.type(screen.getByTestId("risk-reason"), "Gifts for clients");
    await user.click(screen.getByTestId("risk-resolve-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("risk-partner")).toHaveLength(1));
    expect(callsTo("risk_clear")).toEqual([{ ids: [1, 2], reason: "Gifts for clients" }]);
    expect(screen.getByTestId("risk-count").textContent).toMatch(/^1 open flag/);
  });

  it("declines only flags on a sale", async () => {
    const user = userEvent.setup();
    setup([flag(1, ANA), flag(3, BRUNO, { check: "refund_spike", conversion_id: null, sale: null })]);
    await user.click(await screen.findByRole("checkbox", { name: "Select flag 3" }));
    expect(screen.getByTestId("risk-decline")).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Select flag 3" }));
    await user.click(screen.getByRole("checkbox", { name: "Select flag 1" }));
    await user.click(screen.getByTestId("risk-decline"));
    await user.type(screen.getByTestId("risk-reason"), "Bought through her own code");
    await user.click(screen.getByTestId("risk-resolve-confirm"));
    expect(await screen.findByText(/2 commission lines declined \(€25\.00\)/)).toBeInTheDocument();
    expect(callsTo("risk_decline")).toEqual([{ ids: [1], reason: "Bought through her own code" }]);
  });

  it("checks the whole book and says what it found; an empty list says what is checked", async () => {
    const user = userEvent.setup();
    setup([]);
    expect(await screen.findByText("No open flags")).toBeInTheDocument();
    await user.click(screen.getByTestId("risk-scan"));
    expect(await screen.findByText(/1 new flag: 1 sales far above the partner's usual\./)).toBeInTheDocument();
    expect(callsTo("risk_scan")).toHaveLength(1);
  });
});
