import { describe, expect, it } from "vitest";
import type { EditorForm } from "./editorForm";
import { amountError, compareDecimal } from "./numbers";
import { blankRule, type RuleForm } from "./ruleForm";
import { describeServerError, errorsOfRule, serverErrorKey, validateEditor } from "./validate";

function form(rules: RuleForm[], patch: Partial<EditorForm> = {}): EditorForm {
  return { name: "Standard", description: "", groups: [], effective_from: "2026-07-01", rules, ...patch };
}

const pct = (id: string, rate = "30") => ({ ...blankRule("percentage", id), rate });
const tiered = (tiers: { from: string; rate: string }[], measure: "revenue" | "count" = "revenue") => ({
  ...blankRule("tiered", "tiered-1"),
  measure,
  tiers,
});

describe("validateEditor", () => {
  it("accepts a good form", () => {
    expect(validateEditor(form([pct("a"), tiered([{ from: "0", rate: "10" }, { from: "1000.00", rate: "15" }])]), "USD")).toEqual({});
  });

  it("needs a name, a date and rules", () => {
    const e = validateEditor(form([], { name: " ", effective_from: "2026-02-30" }), "USD");
    expect(Object.keys(e).sort()).toEqual(["effective_from", "name", "rules"]);
  });

  it("finds duplicate rule ids, whatever their case", () => {
    const e = validateEditor(form([pct("vip"), pct("other"), pct("VIP ")]), "USD");
    expect(e).toEqual({ "rules.2.id": "Rule 1 already uses this id." });
  });

  it("needs tiers in increasing order, the first from 0", () => {
    const e = validateEditor(
      form([
        tiered([
          { from: "0", rate: "10" },
          { from: "1000", rate: "15" },
          { from: "999.99", rate: "20" },
          { from: "2000.00", rate: "25" },
          { from: "2000", rate: "30" },
        ]),
      ]),
      "USD",
    );
    expect(e).toEqual({
      "rules.0.tiers.2.from": "Each tier must start above the one before.",
      "rules.0.tiers.4.from": "Each tier must start above the one before.",
    });
    const first = validateEditor(form([tiered([{ from: "5", rate: "10" }])]), "USD");
    expect(first["rules.0.tiers.0.from"]).toBe("The first tier starts at 0.");
  });

  it("compares count tiers as whole numbers, not as text", () => {
    expect(validateEditor(form([tiered([{ from: "0", rate: "5" }, { from: "9", rate: "6" }, { from: "10", rate: "7" }], "count")]), "USD")).toEqual({});
    expect(validateEditor(form([tiered([{ from: "0", rate: "5" }, { from: "2.5", rate: "6" }], "count")]), "USD")).toEqual({
      "rules.0.tiers.1.from": "Enter a whole number.",
    });
  });

  it("checks rates, months and step-downs of recurring rules", () => {
    const r = { ...blankRule("recurring", "r"), rate: "20", months: "6", stepDown: true, stepAfter: "6", stepRate: "abc" };
    const e = errorsOfRule(validateEditor(form([r]), "USD"), 0);
    expect(e).toEqual({
      "step_down.after_months": "Must be less than the 6 months.",
      "step_down.rate": "Enter a percentage like 30 or 12.5.",
    });
    expect(validateEditor(form([{ ...r, lifetime: true, stepAfter: "6", stepRate: "10" }]), "USD")).toEqual({});
    expect(errorsOfRule(validateEditor(form([{ ...r, months: "0", stepDown: false }]), "USD"), 0)).toHaveProperty("months");
  });

  it("refuses a split of the sale", () => {
    const t = { ...blankRule("two_tier", "tt"), rate: "10", of: "sale" as const, twoTierMode: "split" as const };
    expect(validateEditor(form([t]), "USD")).toEqual({ "rules.0.of": "A split shares the partner's commission, not the sale." });
  });

  it("checks amounts against the currency", () => {
    expect(amountError("5.00", "USD")).toBeNull();
    expect(amountError("5.001", "USD")).toBe("Use at most 2 decimals.");
    expect(amountError("5.5", "JPY")).toMatch(/whole amount/);
    expect(amountError("-5", "USD")).toBe("The amount must not be negative.");
    expect(amountError("1,000", "USD")).toBe("Enter an amount like 5.00.");
  });
});

describe("compareDecimal", () => {
  it("compares exactly", () => {
    expect(compareDecimal("1000", "999.99")).toBe(1);
    expect(compareDecimal("0.10", "0.1")).toBe(0);
    expect(compareDecimal("0010", "10.00")).toBe(0);
    expect(compareDecimal("2", "10")).toBe(-1);
  });
});

describe("core errors", () => {
  it("places a rule's field error on its card", () => {
    expect(serverErrorKey('versions[0].rules[2] (tiers): tiers[1].rate: "x" should be a percentage like "30%"')).toEqual({
      key: "rules.2.tiers.1.rate",
      message: '"x" should be a percentage like "30%"',
    });
    expect(serverErrorKey("versions[0].rules[2] (tiers).rate: must be between 0% and 100%")?.key).toBe("rules.2.rate");
    expect(serverErrorKey('versions[0].rules[1] (vip): partner: no partner has the email or code "x"')?.key).toBe("rules.1.partner");
    expect(serverErrorKey('versions[0].rules[3]: the id "a" is used twice')?.key).toBe("rules.3.id");
    expect(serverErrorKey("versions[0].effective_from: the version from 2026-06-01 has produced commissions; give the new rules a later date")?.key).toBe(
      "effective_from",
    );
    expect(serverErrorKey('groups: no group is named "Gold"')?.key).toBe("groups");
    expect(serverErrorKey("Something else went wrong")).toBeNull();
  });

  it("says which rule in plain words", () => {
    expect(describeServerError('versions[0].rules[2] (tiers): tiers[1].rate: "x" should be a percentage like "30%"')).toBe(
      'Rule 3 (tiers), tier 2 rate: "x" should be a percentage like "30%".',
    );
    expect(describeServerError("versions[0].rules[0] (r): step_down.after_months: must fall inside the recurring months")).toBe(
      "Rule 1 (r), step-down after months: must fall inside the recurring months.",
    );
  });
});

describe("a new plan's name", () => {
  it("must not be one the book has", () => {
    const f = form([pct("a")], { name: " standard " });
    expect(validateEditor(f, "USD", ["Standard", "Gold"]).name).toMatch(/has this name already/);
    expect(validateEditor(f, "USD", ["Gold"])).toEqual({});
  });
});
