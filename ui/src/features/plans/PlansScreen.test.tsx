import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Plan } from "../../bindings/Plan";
import type { PlanFile } from "../../bindings/PlanFile";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { PlansScreen } from "./PlansScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

function standard(): Plan {
  return {
    id: 1,
    name: "Standard",
    description: "Everyone who is not in a group of their own.",
    groups: ["Default"],
    partners_on_plan: 120,
    is_default: true,
    versions: [
      { id: 11, version: 1, effective_from: "2026-01-01", used: true, rules: [{ id: "percentage-1", kind: "percentage", rate: "20%" }] },
      {
        id: 12,
        version: 2,
        effective_from: "2026-06-01",
        used: false,
        rules: [
          { id: "percentage-1", kind: "percentage", rate: "30%" },
          { id: "vip", kind: "percentage", rate: "40%", partner: "42" },
          { id: "two-tier-1", kind: "two_tier", rate: "10%", of: "commission", mode: "on_top" },
        ],
      },
    ],
  };
}

const gold: Plan = {
  id: 2,
  name: "Gold",
  description: "",
  groups: [],
  partners_on_plan: 0,
  is_default: false,
  versions: [{ id: 21, version: 1, effective_from: "2027-01-01", used: false, rules: [{ id: "flat-1", kind: "flat", amount: "5.00" }] }],
};

let book: Plan[];

function setup(extra: Parameters<typeof mockCommands>[0] = {}) {
  book = [gold, standard()];
  vi.mocked(invoke).mockReset();
  mockCommands({
    plans_list: () => book,
    groups_list: () => [
      { id: 1, name: "Default", description: "", partner_count: 120 },
      { id: 2, name: "Influencers", description: "", partner_count: 8 },
    ],
    partner_get: ({ id }) => ({ id, name: id === 42 ? "Ana Lima" : "Someone" }),
    partners_search: () => ({ total: 0, offset: 0, rows: [] }),
    plan_save: ({ file }) => {
      const f = file as PlanFile;
      const plan = standard();
      const v = f.versions[0];
      plan.versions.push({ id: 13, version: 3, effective_from: v.effective_from, used: false, rules: v.rules });
      book = [gold, plan];
      return plan;
    },
    ...extra,
  });
  render(
    <ToastProvider>
      <PlansScreen baseCurrency="USD" />
    </ToastProvider>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 5, 15, 12, 0));
});
afterEach(() => vi.useRealTimers());

describe("PlansScreen", () => {
  it("lists plans and shows the version in force in words", async () => {
    const user = setup();
    const items = await screen.findAllByTestId("plan-item");
    expect(items).toHaveLength(2);
    const std = items.find((i) => i.dataset.id === "1")!;
    expect(std).toHaveTextContent("v2 from Jun 1, 2026");
    expect(std).toHaveTextContent("120 partners");
    expect(items.find((i) => i.dataset.id === "2")).toHaveTextContent("v1 starts Jan 1, 2027");

    // The book lists Gold first: the first plan is selected; pick Standard.
    await user.click(std);
    const versions = screen.getAllByTestId("plan-version");
    expect(versions.map((v) => v.dataset.id)).toEqual(["11", "12"]);
    expect(versions[1]).toHaveTextContent("In force");
    expect(versions[0]).toHaveTextContent("Used — read-only");
    expect(screen.getAllByTestId("rule-summary").map((s) => s.textContent)).toEqual([
      "30% of each sale and renewal",
      "40% of each sale and renewal",
      "Parent earns 10% of the commission, on top",
    ]);
    expect(await screen.findByText("Only for Ana Lima")).toBeInTheDocument();
    expect(screen.getByTestId("plan-version-edit")).toBeInTheDocument();

    // A used version can only be read.
    await user.click(versions[0]);
    expect(screen.getAllByTestId("rule-summary").map((s) => s.textContent)).toEqual(["20% of each sale and renewal"]);
    expect(screen.queryByTestId("plan-version-edit")).not.toBeInTheDocument();
  });

  it("marks the default plan, and makes another plan the default", async () => {
    const user = setup({
      plan_set_default: () => [
        { ...gold, is_default: true, partners_on_plan: 4 },
        { ...standard(), is_default: false, partners_on_plan: 116 },
      ],
    });
    await screen.findAllByTestId("plan-item");
    const item = (id: number) => screen.getAllByTestId("plan-item").find((i) => i.dataset.id === String(id))!;
    expect(within(item(1)).getByTestId("plan-default")).toHaveTextContent("Default");
    expect(within(item(2)).queryByTestId("plan-default")).not.toBeInTheDocument();

    await user.click(item(1));
    const detail = screen.getByTestId("plan-detail");
    expect(within(detail).getByTestId("plan-default")).toBeInTheDocument();
    expect(within(detail).getByTestId("plan-default-note")).toHaveTextContent("Applies to partners with no plan of their own or from their group.");
    expect(screen.queryByTestId("plan-make-default")).not.toBeInTheDocument();

    await user.click(item(2));
    expect(screen.queryByTestId("plan-default-note")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("plan-make-default"));
    expect(callsTo("plan_set_default")).toEqual([{ plan: "2" }]);
    expect(
      await screen.findByText("Gold is now the default plan. Recompute commissions to complete sales held for want of a plan."),
    ).toBeInTheDocument();
    expect(within(screen.getByTestId("plan-detail")).getByTestId("plan-default-note")).toBeInTheDocument();
    expect(screen.getByTestId("plan-detail")).toHaveTextContent("4 partners on this plan");
    expect(screen.queryByTestId("plan-make-default")).not.toBeInTheDocument();
    expect(within(item(2)).getByTestId("plan-default")).toBeInTheDocument();
    expect(within(item(1)).queryByTestId("plan-default")).not.toBeInTheDocument();
    expect(item(1)).toHaveTextContent("116 partners");
    // The answer is the new list: nothing asked again.
    expect(callsTo("plans_list")).toHaveLength(1);
  });

  it("says why the default could not move", async () => {
    const user = setup({
      plan_set_default: () => {
        throw { code: "not_found", message: 'plan "2" not found', field: null };
      },
    });
    await screen.findAllByTestId("plan-item");
    await user.click(screen.getByTestId("plan-make-default"));
    expect(await screen.findByText('Plan "2" not found.')).toBeInTheDocument();
    expect(screen.getByTestId("plan-make-default")).toBeEnabled();
  });

  it("makes a new version from the latest one and saves only that version", async () => {
    const user = setup();
    await user.click((await screen.findAllByTestId("plan-item"))[1]);
    await user.click(screen.getByTestId("plan-version-new"));

    const editor = screen.getByTestId("plan-editor");
    expect(screen.getByTestId("plan-effective-from")).toHaveValue("2026-07-01");
    expect(screen.getByTestId("plan-name")).toHaveAttribute("readonly");
    expect(within(editor).getAllByTestId("rule-card")).toHaveLength(3);

    // A rate that is not a number is caught by the form, by its field.
    const rate = within(editor).getAllByTestId("rule-rate")[0];
    await user.clear(rate);
    await user.type(rate, "abc");
    await user.click(screen.getByTestId("plan-save"));
    expect(await within(editor).findByText("Enter a percentage like 30 or 12.5.")).toBeInTheDocument();
    expect(screen.getByTestId("plan-error")).toBeInTheDocument();
    expect(callsTo("plan_save")).toHaveLength(0);

    await user.clear(rate);
    await user.type(rate, "25");

    // A new tiered rule: kind, then its tiers.
    await user.click(screen.getByTestId("rule-add"));
    const cards = within(editor).getAllByTestId("rule-card");
    const added = cards[3];
    expect(within(added).getByTestId("rule-id")).toHaveValue("percentage-2");
    await user.selectOptions(within(added).getByTestId("rule-kind"), "tiered");
    expect(within(added).getByTestId("rule-id")).toHaveValue("tiered-1");
    const [rate0, rate1] = within(added).getAllByTestId("tier-rate");
    await user.type(rate0, "10");
    await user.type(within(added).getByLabelText("Tier 2 starts at"), "1000.00");
    await user.type(rate1, "15.0");
    await user.click(within(added).getByLabelText("Marginal"));
    expect(within(added).getByTestId("rule-preview")).toHaveTextContent("Marginal tiers by monthly revenue: 10% from $0, 15% from $1,000");

    await user.click(screen.getByTestId("plan-save"));
    await waitFor(() => expect(callsTo("plan_save")).toHaveLength(1));
    const file = callsTo("plan_save")[0].file as PlanFile;
    expect(file).toEqual({
      name: "Standard",
      description: "Everyone who is not in a group of their own.",
      groups: ["Default"],
      versions: [
        {
          effective_from: "2026-07-01",
          rules: [
            { id: "percentage-1", kind: "percentage", rate: "25%" },
            { id: "vip", kind: "percentage", rate: "40%", partner: "42" },
            { id: "two-tier-1", kind: "two_tier", rate: "10%", of: "commission", mode: "on_top" },
            {
              id: "tiered-1",
              kind: "tiered",
              mode: "marginal",
              measure: "revenue",
              tiers: [
                { from: "0", rate: "10%" },
                { from: "1000.00", rate: "15%" },
              ],
            },
          ],
        },
      ],
    });
    expect(await screen.findByText("Saved Standard v3 (from Jul 1, 2026).")).toBeInTheDocument();
    expect(screen.queryByTestId("plan-editor")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("plan-version").map((v) => v.dataset.id)).toEqual(["11", "12", "13"]);
  });

  it("shows the core's refusal in a banner, by rule", async () => {
    const user = setup({
      plan_save: () => {
        throw { code: "invalid_input", message: 'no partner has the email or code "x"', field: "versions[0].rules[1] (vip): partner" };
      },
    });
    await user.click((await screen.findAllByTestId("plan-item"))[1]);
    await user.click(screen.getByTestId("plan-version-edit"));
    expect(screen.getByTestId("plan-effective-from")).toHaveValue("2026-06-01");
    await user.click(screen.getByTestId("plan-save"));
    expect(await screen.findByTestId("plan-error")).toHaveTextContent('Rule 2 (vip), partner: no partner has the email or code "x".');
    const vipCard = screen.getAllByTestId("rule-card")[1];
    expect(within(vipCard).getByText('no partner has the email or code "x"')).toBeInTheDocument();
  });

  it("starts a new plan with one percentage rule and needs a name", async () => {
    const user = setup({ plan_save: ({ file }) => ({ ...gold, id: 3, name: (file as PlanFile).name }) });
    await screen.findAllByTestId("plan-item");
    await user.click(screen.getByTestId("plan-new"));
    const cards = screen.getAllByTestId("rule-card");
    expect(cards).toHaveLength(1);
    expect(within(cards[0]).getByTestId("rule-kind")).toHaveValue("percentage");
    await user.type(screen.getByTestId("rule-rate"), "30%");
    await user.click(screen.getByTestId("plan-save"));
    expect(await screen.findByText("Give the plan a name.")).toBeInTheDocument();

    await user.type(screen.getByTestId("plan-name"), "Partners 2027");
    await user.click(screen.getByLabelText(/Influencers/));
    await user.click(screen.getByTestId("plan-save"));
    await waitFor(() => expect(callsTo("plan_save")).toHaveLength(1));
    expect(callsTo("plan_save")[0].file).toEqual({
      name: "Partners 2027",
      description: "",
      groups: ["Influencers"],
      versions: [{ effective_from: "2026-06-01", rules: [{ id: "percentage-1", kind: "percentage", rate: "30%" }] }],
    });
  });

  it("exports the selected plan to the chosen file", async () => {
    const user = setup({ plan_export_file: () => null });
    vi.mocked(save).mockResolvedValue("/home/ana/standard.json");
    await user.click((await screen.findAllByTestId("plan-item"))[1]);
    await user.click(screen.getByTestId("plan-export"));
    await waitFor(() => expect(callsTo("plan_export_file")).toEqual([{ plan: "1", path: "/home/ana/standard.json" }]));
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "standard.json" });
    expect(await screen.findByText("Exported Standard to standard.json.")).toBeInTheDocument();
  });
});
