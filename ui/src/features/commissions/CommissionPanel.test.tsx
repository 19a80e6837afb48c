import { invoke } from "@tauri-apps/api/core";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Commission } from "../../bindings/Commission";
import { mockCommands } from "../../test/tauri";
import { CommissionPanel } from "./CommissionPanel";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

function line(patch: Partial<Commission>): Commission {
  return {
    id: 9,
    partner_id: 7,
    partner_name: "Ana Lima",
    conversion_id: 9,
    conversion_external_id: "dp_9",
    occurred_at: "2026-03-04T15:06:00Z",
    kind: "reversal",
    rule_id: "standard",
    amount: { minor: 3000, currency: "USD" },
    state: "approved",
    hold_reason: null,
    due_on: "2026-04-03",
    decline_reason: null,
    ...patch,
  };
}

function renderPanel(c: Commission) {
  vi.mocked(invoke).mockReset();
  mockCommands({ commission_explain: () => "Sentence." });
  render(<CommissionPanel commission={c} onClose={() => {}} onDeclined={() => {}} />);
  return screen.getByTestId("commission-panel");
}

describe("CommissionPanel: a chargeback's reversal", () => {
  it("calls a positive clawback Reinstated, says why, and shows its amount as money to the partner", async () => {
    const panel = renderPanel(line({ kind: "clawback" }));
    await within(panel).findByTestId("commission-explain");
    expect(within(panel).getByRole("heading", { level: 2 })).toHaveTextContent("$30.00");
    expect(within(panel).getByRole("heading", { level: 2 })).not.toHaveClass("ltable-negative");
    expect(within(panel).getByText("Reinstated for Ana Lima")).toHaveAttribute(
      "title",
      "A chargeback was reversed (dispute won): the commission it took is given back",
    );
    expect(within(panel).getByTestId("commission-panel-kind")).toHaveTextContent("Reinstated");
    expect(within(panel).queryByText(/Clawback/)).not.toBeInTheDocument();
  });

  it("keeps Reversal for a negative reversal", async () => {
    const panel = renderPanel(line({ amount: { minor: -3000, currency: "USD" } }));
    await within(panel).findByTestId("commission-explain");
    expect(within(panel).getByRole("heading", { level: 2 })).toHaveClass("ltable-negative");
    expect(within(panel).getByText("Reversal for Ana Lima")).not.toHaveAttribute("title");
    expect(within(panel).getByTestId("commission-panel-kind")).toHaveTextContent("Reversal");
  });
});
