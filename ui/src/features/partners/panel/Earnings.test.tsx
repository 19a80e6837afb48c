import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Commission } from "../../../bindings/Commission";
import type { Partner } from "../../../bindings/Partner";
import type { Plan } from "../../../bindings/Plan";
import { ToastProvider } from "../../../components/Toast";
import { callsTo, mockCommands } from "../../../test/tauri";
import { PartnerPanel } from "./PartnerPanel";

vi.mock("@tauri-apps/api/core", async () => (await import("../../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../../test/tauriModules")).dialogModule());

const base: Partner = {
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
  payout: { method: "none", email: "", iban: "", bic: "", other: "" },
  payout_currency: "",
  tax: { status: "none", form_expires: "", vat_id: "", tin: "" },
  terms_version: "",
  terms_accepted_at: null,
  created_at: "2026-01-10T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
  plan_id: null,
  plan_name: "Standard",
  payout_hold: null,
};

const plan = (id: number, name: string, groups: string[]): Plan => ({ id, name, description: "", groups, partners_on_plan: 0, is_default: false, versions: [] });
const plans = [plan(1, "Standard", ["Creators"]), plan(3, "VIP", [])];

function line(id: number, patch: Partial<Commission> = {}): Commission {
  return {
    id,
    partner_id: 5,
    partner_name: "Ana Lima",
    conversion_id: id,
    conversion_external_id: `ch_${id}`,
    occurred_at: "2026-03-04T15:06:00Z",
    kind: "commission",
    rule_id: "standard",
    amount: { minor: 1250, currency: "USD" },
    state: "pending",
    hold_reason: null,
    due_on: "2026-04-03",
    decline_reason: null,
    ...patch,
  };
}

const lines = [
  line(3, { occurred_at: "2026-03-05T10:00:00Z", state: "paid", amount: { minor: 340210, currency: "USD" } }),
  line(2, { amount: null, hold_reason: "no EUR→USD rate for 2026-03-03" }),
  line(1, { kind: "clawback", amount: { minor: -500, currency: "USD" }, state: "approved" }),
];

type Handlers = Parameters<typeof mockCommands>[0];

async function openEarnings(partner: Partner, extra: Handlers = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    partner_get: () => partner,
    plans_list: () => plans,
    commissions_list: () => ({ total: 124, sum: { minor: 340210, currency: "USD" }, rows: lines }),
    partner_set_plan: ({ plan: name }) => {
      if (name === null) return { ...partner, plan_id: null, plan_name: "Standard" };
      const p = plans.find((x) => x.name === name)!;
      return { ...partner, plan_id: p.id, plan_name: p.name, updated_at: "2026-03-02T09:00:00Z" };
    },
    ...extra,
  });
  const onSaved = vi.fn();
  render(
    <ToastProvider>
      <PartnerPanel
        target={{ mode: "edit", id: partner.id }}
        groups={[]}
        tagSuggestions={[]}
        onGroupsChanged={vi.fn()}
        baseCurrency="USD"
        onSaved={onSaved}
        onClose={vi.fn()}
        onDirtyChange={vi.fn()}
      />
    </ToastProvider>,
  );
  const user = userEvent.setup();
  await screen.findByDisplayValue("Ana Lima");
  await user.click(screen.getByTestId("tab-earnings"));
  return { user, onSaved };
}

const optionLabels = (select: HTMLElement) => within(select).getAllByRole("option").map((o) => o.textContent);

describe("Earnings tab: the plan that pays the partner", () => {
  it("says the group's plan pays them, and why", async () => {
    await openEarnings(base);
    expect(screen.getByTestId("partner-plan")).toHaveTextContent("Standard — from the group Creators");
    const select = screen.getByTestId("partner-plan-select");
    expect(select).toHaveValue("");
    await waitFor(() => expect(optionLabels(select)).toEqual(["Group's plan (Standard)", "Standard", "VIP"]));
  });

  it("says when a plan of their own pays them, and names the group's plan it overrides", async () => {
    await openEarnings({ ...base, plan_id: 3, plan_name: "VIP" });
    expect(screen.getByTestId("partner-plan")).toHaveTextContent("VIP — their own plan");
    const select = screen.getByTestId("partner-plan-select");
    expect(select).toHaveValue("VIP");
    await waitFor(() => expect(optionLabels(select)[0]).toBe("Group's plan (Standard)"));
  });

  it("warns when no plan pays them", async () => {
    await openEarnings({ ...base, group_id: null, group_name: null, plan_name: null });
    const text = screen.getByTestId("partner-plan");
    expect(text).toHaveTextContent("No plan: this partner's sales wait, held, until a plan applies");
    expect(text).toHaveClass("earn-plan-none");
    expect(optionLabels(screen.getByTestId("partner-plan-select"))[0]).toBe("Group's plan (no group)");
  });

  it("puts them on a plan of their own at once, then back on the group's (null)", async () => {
    const { user, onSaved } = await openEarnings(base);
    const select = screen.getByTestId("partner-plan-select");
    await waitFor(() => expect(optionLabels(select)).toContain("VIP"));

    await user.selectOptions(select, "VIP");
    await waitFor(() => expect(screen.getByTestId("partner-plan")).toHaveTextContent("VIP — their own plan"));
    expect(callsTo("partner_set_plan")).toEqual([{ id: 5, plan: "VIP" }]);
    expect(select).toHaveValue("VIP");
    expect(await screen.findByTestId("toast")).toHaveTextContent("Ana Lima is now paid by VIP, a plan of their own.");
    expect(onSaved).toHaveBeenLastCalledWith(expect.objectContaining({ plan_id: 3, plan_name: "VIP" }), false);
    // Not part of the form: nothing to save.
    expect(screen.queryByTestId("partner-save")).toBeNull();

    await user.selectOptions(select, "");
    await waitFor(() => expect(screen.getByTestId("partner-plan")).toHaveTextContent("Standard — from the group Creators"));
    expect(callsTo("partner_set_plan")).toEqual([
      { id: 5, plan: "VIP" },
      { id: 5, plan: null },
    ]);
    expect(select).toHaveValue("");
  });

  it("shows a refused change in plain words and keeps the plan as it was", async () => {
    const { user, onSaved } = await openEarnings(base, {
      partner_set_plan: () => {
        throw { code: "not_found", message: "no plan named VIP", field: null };
      },
    });
    const select = screen.getByTestId("partner-plan-select");
    await waitFor(() => expect(optionLabels(select)).toContain("VIP"));
    await user.selectOptions(select, "VIP");
    expect(await screen.findByTestId("toast")).toHaveTextContent("No plan named VIP.");
    expect(select).toHaveValue("");
    expect(screen.getByTestId("partner-plan")).toHaveTextContent("Standard — from the group Creators");
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe("Earnings tab: recent commissions", () => {
  it("asks for the partner's 10 latest lines and shows the count, the sum and each line", async () => {
    await openEarnings(base);
    const box = screen.getByTestId("partner-commissions");
    await waitFor(() => expect(within(box).getAllByTestId("partner-commission-row")).toHaveLength(3));
    expect(callsTo("commissions_list")).toEqual([
      { query: { partner_id: 5, states: [], from: null, to: null, offset: 0, limit: 10 } },
    ]);
    expect(box).toHaveTextContent("124 lines · $3,402.10 in all");
    expect(box).toHaveTextContent("The 3 most recent of 124 lines");

    const [paid, held, clawback] = within(box).getAllByTestId("partner-commission-row");
    expect(paid).toHaveTextContent("2026-03-05");
    expect(paid).toHaveTextContent("Commission");
    expect(paid).toHaveTextContent("$3,402.10");
    expect(paid).toHaveTextContent("Paid");
    expect(held).toHaveTextContent("held");
    expect(held).toHaveTextContent("Pending");
    expect(clawback).toHaveTextContent("Clawback");
    expect(clawback).toHaveTextContent("Approved");
    expect(within(clawback).getByText("\u2212$5.00")).toHaveClass("earn-negative");
    expect(within(paid).getByText("$3,402.10")).not.toHaveClass("earn-negative");
  });

  it("says what to expect when there are none yet", async () => {
    await openEarnings(base, { commissions_list: () => ({ total: 0, sum: null, rows: [] }) });
    const box = screen.getByTestId("partner-commissions");
    expect(await within(box).findByText(/No commissions yet/)).toBeInTheDocument();
    expect(within(box).queryByRole("table")).toBeNull();
  });

  it("shows why the lines could not be loaded", async () => {
    await openEarnings(base, {
      commissions_list: () => {
        throw { code: "database", message: "the book is locked", field: null };
      },
    });
    expect(await within(screen.getByTestId("partner-commissions")).findByRole("alert")).toHaveTextContent("The book is locked.");
  });
});

describe("Earnings tab: holding the partner's payouts", () => {
  /** partner_get answers with the partner as the last partner_set_payout_hold left them. */
  function holdCommands(partner: Partner): Handlers {
    let hold = partner.payout_hold;
    return {
      partner_get: () => ({ ...partner, payout_hold: hold }),
      partner_set_payout_hold: ({ reason }) => {
        hold = reason as string | null;
        return null;
      },
    };
  }

  it("holds them with a reason, then shows the partner read again", async () => {
    const { user, onSaved } = await openEarnings(base, holdCommands(base));
    const section = screen.getByTestId("partner-payout-hold");
    expect(within(section).queryByTestId("partner-unhold")).toBeNull();
    await user.click(within(section).getByTestId("partner-hold"));

    await user.click(screen.getByTestId("partner-hold-save"));
    expect(screen.getByText("Say why you hold their payouts.")).toBeInTheDocument();
    expect(callsTo("partner_set_payout_hold")).toHaveLength(0);

    await user.type(screen.getByTestId("partner-hold-reason"), "  Disputed chargebacks ");
    const reads = callsTo("partner_get").length;
    await user.click(screen.getByTestId("partner-hold-save"));
    expect(callsTo("partner_set_payout_hold")).toEqual([{ partnerId: 5, reason: "Disputed chargebacks" }]);
    expect(await within(section).findByText("Payouts held: Disputed chargebacks")).toBeInTheDocument();
    expect(callsTo("partner_get")).toHaveLength(reads + 1);
    expect(screen.queryByTestId("partner-hold-reason")).toBeNull();
    expect(within(section).getByTestId("partner-unhold")).toBeInTheDocument();
    expect(onSaved).toHaveBeenLastCalledWith(expect.objectContaining({ payout_hold: "Disputed chargebacks" }), false);
    expect(await screen.findByTestId("toast")).toHaveTextContent("Ana Lima's payouts are held.");
  });

  it("lifts the hold with a null reason", async () => {
    const heldPartner = { ...base, payout_hold: "Disputed chargebacks" };
    const { user, onSaved } = await openEarnings(heldPartner, holdCommands(heldPartner));
    const section = screen.getByTestId("partner-payout-hold");
    expect(section).toHaveTextContent("Payouts held: Disputed chargebacks");
    await user.click(within(section).getByTestId("partner-unhold"));
    expect(callsTo("partner_set_payout_hold")).toEqual([{ partnerId: 5, reason: null }]);
    expect(await within(section).findByTestId("partner-hold")).toBeInTheDocument();
    expect(section).not.toHaveTextContent("Payouts held");
    expect(onSaved).toHaveBeenLastCalledWith(expect.objectContaining({ payout_hold: null }), false);
  });

  it("keeps the form open with the refusal in plain words", async () => {
    const { user, onSaved } = await openEarnings(base, {
      partner_set_payout_hold: () => {
        throw { code: "invalid_input", message: "say why the payouts are held", field: "reason" };
      },
    });
    await user.click(screen.getByTestId("partner-hold"));
    await user.type(screen.getByTestId("partner-hold-reason"), "x");
    await user.click(screen.getByTestId("partner-hold-save"));
    expect(await within(screen.getByTestId("partner-payout-hold")).findByRole("alert")).toHaveTextContent(
      "Reason: say why the payouts are held.",
    );
    expect(screen.getByTestId("partner-hold-reason")).toHaveValue("x");
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe("Earnings tab: who statements go to", () => {
  it("shows the postal address under the name and company, line by line", async () => {
    await openEarnings({ ...base, company: "Lima Media", address: "Rua Augusta 12\n\n01305-000 São Paulo\nBrazil" });
    const block = screen.getByTestId("partner-statement-address");
    expect(block).toHaveTextContent("Ana LimaLima MediaRua Augusta 12");
    // Line breaks are kept as text (no markup), blank lines dropped.
    expect(within(block).getByTestId("partner-address").textContent).toBe("Rua Augusta 12\n01305-000 São Paulo\nBrazil");
    expect(block.querySelector("br")).toBeNull();
  });

  it("says how to add an address when there is none", async () => {
    await openEarnings(base);
    expect(screen.getByTestId("partner-statement-address")).toHaveTextContent("No postal address: add one under Details to print it on statements.");
    expect(screen.queryByTestId("partner-address")).not.toBeInTheDocument();
  });
});
