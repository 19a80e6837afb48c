import { describe, expect, it } from "vitest";
import type { Rule } from "../../bindings/Rule";
import { ruleScope, ruleSummary } from "./ruleSummary";

const say = (rule: Rule, currency = "USD") => ruleSummary(rule, currency, { locale: "en-US" });

describe("rule sentences", () => {
  it("percentage: the kinds it pays for, default or chosen", () => {
    expect(say({ id: "a", kind: "percentage", rate: "30%" })).toBe("30% of each sale and renewal");
    expect(say({ id: "a", kind: "percentage", rate: "30%", applies_to: ["sale"] })).toBe("30% of each sale");
    expect(say({ id: "a", kind: "percentage", rate: "5%", applies_to: ["lead", "signup", "trial"] })).toBe("5% of each lead, sign-up and trial");
  });

  it("flat and hybrid amounts in the base currency", () => {
    expect(say({ id: "f", kind: "flat", amount: "5.00" })).toBe("$5 for each sale");
    expect(say({ id: "f", kind: "flat", amount: "0.25", applies_to: ["click"] })).toBe("$0.25 for each click");
    expect(say({ id: "f", kind: "flat", amount: "1500", applies_to: ["lead"] }, "JPY")).toBe("¥1,500 for each lead");
    expect(say({ id: "h", kind: "hybrid", amount: "2.50", rate: "10%" }, "EUR")).toBe("€2.50 plus 10% of each sale");
  });

  it("tiers: band or marginal, by revenue or by count", () => {
    const tiers = [
      { from: "0", rate: "10%" },
      { from: "1000.00", rate: "15%" },
    ];
    expect(say({ id: "t", kind: "tiered", mode: "band", measure: "revenue", tiers })).toBe(
      "Band tiers by monthly revenue: 10% from $0, 15% from $1,000",
    );
    expect(say({ id: "t", kind: "tiered", mode: "marginal", measure: "revenue", tiers })).toBe(
      "Marginal tiers by monthly revenue: 10% from $0, 15% from $1,000",
    );
    expect(
      say({ id: "t", kind: "tiered", mode: "band", measure: "count", tiers: [{ from: "0", rate: "5%" }, { from: "1", rate: "6%" }, { from: "10", rate: "8%" }] }),
    ).toBe("Band tiers by monthly number of sales: 5% from 0 sales, 6% from 1 sale, 8% from 10 sales");
  });

  it("recurring: N months or lifetime, with or without a step-down", () => {
    expect(say({ id: "r", kind: "recurring", rate: "20%", months: 12, step_down: null })).toBe("20% of each renewal for 12 months");
    expect(say({ id: "r", kind: "recurring", rate: "20%", months: 1, step_down: null })).toBe("20% of each renewal for 1 month");
    expect(say({ id: "r", kind: "recurring", rate: "15%", months: null, step_down: null })).toBe(
      "15% of each renewal for the customer's lifetime",
    );
    expect(say({ id: "r", kind: "recurring", rate: "20%", months: 24, step_down: { after_months: 12, rate: "10%" } })).toBe(
      "20% of each renewal for 24 months, then 10% after 12 months",
    );
    expect(say({ id: "r", kind: "recurring", rate: "30%", months: null, step_down: { after_months: 3, rate: "5%" } })).toBe(
      "30% of each renewal for the customer's lifetime, then 5% after 3 months",
    );
  });

  it("two-tier on top or split", () => {
    expect(say({ id: "p", kind: "two_tier", rate: "10%", of: "commission", mode: "on_top" })).toBe("Parent earns 10% of the commission, on top");
    expect(say({ id: "p", kind: "two_tier", rate: "2%", of: "sale", mode: "on_top" })).toBe("Parent earns 2% of the sale, on top");
    expect(say({ id: "g", kind: "two_tier", rate: "1%", of: "sale", mode: "on_top", level: 2 })).toBe("Grandparent earns 1% of the sale, on top");
    expect(say({ id: "a", kind: "two_tier", rate: "1%", of: "sale", mode: "on_top", level: 3 })).toBe(
      "Ancestor 3 levels up earns 1% of the sale, on top",
    );
    expect(say({ id: "p", kind: "two_tier", rate: "25%", of: "commission", mode: "split" })).toBe(
      "Parent earns 25% of the commission, split from the partner's share",
    );
  });

  it("target bonus by revenue or by count", () => {
    expect(say({ id: "b", kind: "target_bonus", measure: "revenue", threshold: "10000.00", bonus: "500.00" })).toBe(
      "$500 bonus once the partner's monthly revenue reaches $10,000",
    );
    expect(say({ id: "b", kind: "target_bonus", measure: "count", threshold: "20", bonus: "99.50" })).toBe(
      "$99.50 bonus once the partner makes 20 sales in a calendar month",
    );
  });

  it("names the partner and product a rule is limited to", () => {
    const rule: Rule = { id: "x", kind: "percentage", rate: "40%", partner: "42", product: "pro" };
    expect(ruleScope(rule, "Ana Lima")).toEqual(["Only for Ana Lima", "Only product “pro”"]);
    expect(ruleScope(rule, null)[0]).toBe("Only for partner #42");
    expect(ruleScope({ id: "y", kind: "percentage", rate: "1%" }, null)).toEqual([]);
  });
});
