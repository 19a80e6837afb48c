import { describe, expect, it } from "vitest";
import type { Plan } from "../../bindings/Plan";
import type { PlanVersion } from "../../bindings/PlanVersion";
import { firstOfNextMonth, isIsoDay, todayIso, versionInForce } from "./dates";
import { newPlanForm, newVersionForm } from "./editorForm";

const version = (id: number, effective_from: string, used = false): PlanVersion => ({
  id,
  version: id,
  effective_from,
  used,
  rules: [{ id: `r${id}`, kind: "percentage", rate: `${id}0%` }],
});

const plan = (versions: PlanVersion[]): Plan => ({ id: 1, name: "Standard", description: "", groups: ["Gold"], partners_on_plan: 3, is_default: false, versions });

describe("dates", () => {
  it("finds the first day of next month, across a year", () => {
    expect(firstOfNextMonth("2026-05-17")).toBe("2026-06-01");
    expect(firstOfNextMonth("2026-12-31")).toBe("2027-01-01");
    expect(firstOfNextMonth("2026-01-01")).toBe("2026-02-01");
  });

  it("reads today on the local calendar", () => {
    expect(todayIso(new Date(2026, 0, 9, 23, 30))).toBe("2026-01-09");
  });

  it("knows real days", () => {
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-6-1")).toBe(false);
  });

  it("finds the version in force on a day", () => {
    const vs = [version(1, "2026-01-01"), version(2, "2026-06-01"), version(3, "2026-09-01")];
    expect(versionInForce(vs, "2025-12-31")).toBeNull();
    expect(versionInForce(vs, "2026-06-01")?.id).toBe(2);
    expect(versionInForce(vs, "2026-08-31")?.id).toBe(2);
  });
});

describe("a new version", () => {
  it("copies the latest rules and starts next month", () => {
    const f = newVersionForm(plan([version(1, "2026-01-01", true), version(2, "2026-03-01")]), "2026-12-15");
    expect(f.effective_from).toBe("2027-01-01");
    expect(f.rules.map((r) => [r.id, r.rate])).toEqual([["r2", "20"]]);
    expect(f).toMatchObject({ name: "Standard", groups: ["Gold"] });
  });

  it("comes after a version already scheduled", () => {
    const f = newVersionForm(plan([version(1, "2026-01-01"), version(2, "2026-07-01")]), "2026-06-10");
    expect(f.effective_from).toBe("2026-08-01");
    expect(f.rules[0].id).toBe("r2");
  });

  it("a new plan starts this month with one percentage rule", () => {
    const f = newPlanForm("2026-06-10");
    expect(f.effective_from).toBe("2026-06-01");
    expect(f.rules.map((r) => [r.kind, r.id])).toEqual([["percentage", "percentage-1"]]);
  });
});
