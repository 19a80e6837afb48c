import { describe, expect, it } from "vitest";
import type { Plan } from "../../../bindings/Plan";
import { describePlanSource, groupChoiceLabel, groupPlanName, planChangedMessage, planChoices, planSource } from "./planSource";

const plan = (id: number, name: string, groups: string[]): Plan => ({ id, name, description: "", groups, partners_on_plan: 0, is_default: false, versions: [] });
const plans = [plan(1, "Standard", ["Creators"]), plan(3, "VIP", [])];

const onGroup = { plan_id: null, plan_name: "Standard", group_name: "Creators" };
const onOwn = { plan_id: 3, plan_name: "VIP", group_name: "Creators" };
const onNone = { plan_id: null, plan_name: null, group_name: "Creators" };
const onDefault = { plan_id: null, plan_name: "Default plan", group_name: null, plan_from: "default" as const };

describe("planSource", () => {
  it("tells their own plan from their group's and from none", () => {
    expect(planSource(onOwn)).toEqual({ kind: "own", plan: "VIP" });
    expect(planSource(onGroup)).toEqual({ kind: "group", plan: "Standard", group: "Creators" });
    expect(planSource(onNone)).toEqual({ kind: "none" });
    expect(planSource(onDefault)).toEqual({ kind: "default", plan: "Default plan" });
  });

  it("says which plan pays and why", () => {
    expect(describePlanSource(planSource(onOwn))).toBe("VIP — their own plan");
    expect(describePlanSource(planSource(onGroup))).toBe("Standard — from the group Creators");
    expect(describePlanSource(planSource(onNone))).toBe("No plan: this partner's sales wait, held, until a plan applies");
    expect(describePlanSource(planSource(onDefault))).toBe("Default plan — the program's default plan");
  });
});

describe("the group's plan", () => {
  it("is the partner's plan when they have none of their own", () => {
    expect(groupPlanName(onGroup, null)).toBe("Standard");
    expect(groupPlanName(onNone, plans)).toBeNull();
    expect(groupPlanName(onDefault, plans)).toBeNull();
  });

  it("is found among the plans by group name when their own plan overrides it", () => {
    expect(groupPlanName(onOwn, plans)).toBe("Standard");
    expect(groupPlanName(onOwn, null)).toBeNull();
    expect(groupPlanName({ ...onOwn, group_name: "Bloggers" }, plans)).toBeNull();
    expect(groupPlanName({ ...onOwn, group_name: null }, plans)).toBeNull();
  });

  it("labels the first choice of the select", () => {
    expect(groupChoiceLabel(onOwn, plans)).toBe("Group's plan (Standard)");
    expect(groupChoiceLabel(onNone, plans)).toBe("Group's plan (none)");
    expect(groupChoiceLabel({ ...onNone, group_name: null }, plans)).toBe("Group's plan (no group)");
  });
});

describe("planChoices", () => {
  it("offers the group's plan first, then every plan", () => {
    expect(planChoices(onGroup, plans)).toEqual([
      { value: "", label: "Group's plan (Standard)" },
      { value: "Standard", label: "Standard" },
      { value: "VIP", label: "VIP" },
    ]);
  });

  it("keeps their own plan choosable before the plans are loaded", () => {
    expect(planChoices(onOwn, null).map((c) => c.value)).toEqual(["", "VIP"]);
    expect(planChoices(onGroup, null).map((c) => c.value)).toEqual([""]);
  });
});

describe("planChangedMessage", () => {
  it("names the partner and the plan that pays them now", () => {
    expect(planChangedMessage({ name: "Ana", ...onOwn })).toBe("Ana is now paid by VIP, a plan of their own.");
    expect(planChangedMessage({ name: "Ana", ...onGroup })).toBe("Ana now follows their group's plan, Standard.");
    expect(planChangedMessage({ name: "Ana", ...onNone })).toBe("Ana is on no plan now: their sales wait, held, until a plan applies.");
    expect(planChangedMessage({ name: "Ana", ...onDefault })).toBe("Ana now earns under the program's default plan, Default plan.");
  });
});
