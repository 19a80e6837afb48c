import { describe, expect, it } from "vitest";
import type { Rule } from "../../bindings/Rule";
import { normaliseRate, rateError, rateToInput } from "./numbers";
import { blankRule, formToRule, newRuleId, ruleToForm } from "./ruleForm";

// One of every kind, as the core stores and returns them.
const RULES: Rule[] = [
  { id: "percentage-1", kind: "percentage", rate: "30%" },
  { id: "flat-1", kind: "flat", amount: "5.00", applies_to: ["lead", "signup"] },
  { id: "hybrid-1", kind: "hybrid", amount: "2.50", rate: "12.5%", product: "pro-annual" },
  {
    id: "tiers",
    kind: "tiered",
    mode: "marginal",
    measure: "revenue",
    tiers: [
      { from: "0", rate: "10%" },
      { from: "1000.00", rate: "15%" },
    ],
  },
  { id: "count-tiers", kind: "tiered", mode: "band", measure: "count", tiers: [{ from: "0", rate: "5%" }, { from: "10", rate: "8%" }] },
  { id: "recurring-1", kind: "recurring", rate: "20%", months: 12, step_down: { after_months: 6, rate: "10%" } },
  { id: "lifetime", kind: "recurring", rate: "15%", months: null, step_down: null, partner: "42", description: "Founding partner" },
  { id: "two-tier-1", kind: "two_tier", rate: "10%", of: "commission", mode: "on_top" },
  { id: "split", kind: "two_tier", rate: "25%", of: "commission", mode: "split" },
  { id: "grandparent", kind: "two_tier", rate: "1%", of: "sale", mode: "on_top", level: 2 },
  { id: "bonus", kind: "target_bonus", measure: "count", threshold: "20", bonus: "100.00" },
  { id: "revenue-bonus", kind: "target_bonus", measure: "revenue", threshold: "10000.00", bonus: "500.00" },
];

describe("Rule ↔ form", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("round-trips %s unchanged", (_, rule) => {
    expect(formToRule(ruleToForm(rule))).toEqual(rule);
  });

  it("shows rates without their % and reads the fields of the kind", () => {
    const f = ruleToForm(RULES[5]);
    expect(f).toMatchObject({ kind: "recurring", rate: "20", lifetime: false, months: "12", stepDown: true, stepAfter: "6", stepRate: "10" });
    expect(ruleToForm(RULES[6])).toMatchObject({ lifetime: true, stepDown: false, partner: "42" });
  });

  it("keeps what was typed when the kind changes back", () => {
    const f = { ...ruleToForm(RULES[0]), kind: "flat" as const, amount: "5" };
    expect(formToRule(f)).toEqual({ id: "percentage-1", kind: "flat", amount: "5" });
    expect(formToRule({ ...f, kind: "percentage" })).toEqual(RULES[0]);
  });

  it("normalises rates and leaves empty options out", () => {
    const f = { ...blankRule("percentage", " pct-1 "), rate: "7.50", product: "  ", description: " " };
    expect(formToRule(f)).toEqual({ id: "pct-1", kind: "percentage", rate: "7.5%" });
  });

  it("drops kinds from rules that add to the winner", () => {
    const f = { ...blankRule("two_tier", "tt"), rate: "10", appliesTo: ["sale" as const] };
    expect(formToRule(f)).not.toHaveProperty("applies_to");
  });
});

describe("rates", () => {
  it("normalises what people type to NN%", () => {
    expect(normaliseRate("30")).toBe("30%");
    expect(normaliseRate(" 30 % ")).toBe("30%");
    expect(normaliseRate("30%")).toBe("30%");
    expect(normaliseRate("12.50")).toBe("12.5%");
    expect(normaliseRate("012.0")).toBe("12%");
    expect(normaliseRate("0.5")).toBe("0.5%");
    expect(normaliseRate(".5")).toBe("0.5%");
    expect(normaliseRate("12,5")).toBe("12.5%");
    expect(normaliseRate("0")).toBe("0%");
  });

  it("refuses what is not a number", () => {
    expect(normaliseRate("")).toBeNull();
    expect(normaliseRate("abc")).toBeNull();
    expect(normaliseRate("-5")).toBeNull();
    expect(normaliseRate("1e3")).toBeNull();
    expect(normaliseRate("5%%")).toBeNull();
  });

  it("explains a rate that cannot be used", () => {
    expect(rateError("")).toBe("Enter a rate.");
    expect(rateError("ten")).toMatch(/percentage like/);
    expect(rateError("100")).toBeNull();
    expect(rateError("100.01")).toBe("A rate can be at most 100%.");
    expect(rateError("250")).toBe("A rate can be at most 100%.");
  });

  it("shows a stored rate without the sign", () => {
    expect(rateToInput("30%")).toBe("30");
    expect(rateToInput("12.5 %")).toBe("12.5");
  });
});

describe("rule ids", () => {
  it("makes the first readable id not taken", () => {
    expect(newRuleId("percentage", [])).toBe("percentage-1");
    expect(newRuleId("percentage", ["percentage-1", "percentage-3"])).toBe("percentage-2");
    expect(newRuleId("two_tier", ["two-tier-1"])).toBe("two-tier-2");
    expect(newRuleId("target_bonus", [])).toBe("target-bonus-1");
  });
});
