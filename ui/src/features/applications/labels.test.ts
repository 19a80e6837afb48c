import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../bindings/CheckResult";
import { checkLabel, CHECKS, decisionText, flagCounts, groupChecks, intakeText, scoreTone, screenText } from "./labels";

const check = (id: string, severity: CheckResult["severity"]): CheckResult => ({ check: id, label: checkLabel(id), severity, evidence: "" });

describe("application labels", () => {
  it("labels all fourteen checks, and unknown ones readably", () => {
    expect(CHECKS).toHaveLength(14);
    expect(checkLabel("duplicate_email")).toBe("Email of an existing partner");
    expect(checkLabel("category_not_targeted")).toBe("Categories outside the program's");
    expect(checkLabel("brand_new_check")).toBe("Brand new check");
  });

  it("colours the score green, amber or red, grey until screened", () => {
    expect(scoreTone(80)).toBe("green");
    expect(scoreTone(79)).toBe("amber");
    expect(scoreTone(50)).toBe("amber");
    expect(scoreTone(49)).toBe("red");
    expect(scoreTone(null)).toBe("grey");
  });

  it("counts red and amber flags", () => {
    const checks = [check("a", "red"), check("b", "amber"), check("c", "amber"), check("d", "pass")];
    expect(flagCounts({ checks, red_flags: 1 })).toEqual({ red: 1, amber: 2 });
  });

  it("groups checks red, amber, then pass, leaving out empty groups", () => {
    const groups = groupChecks([check("a", "pass"), check("b", "red"), check("c", "pass")]);
    expect(groups.map((g) => g.severity)).toEqual(["red", "pass"]);
    expect(groups[1].checks.map((c) => c.check)).toEqual(["a", "c"]);
  });

  it("says what an intake, a decision and a screening did", () => {
    expect(intakeText({ rows: 12, created: 8, merged: 3, auto_approved: 1, ids: [] })).toBe(
      "12 rows read: 8 new, 3 merged into earlier applications, 1 auto-approved.",
    );
    expect(intakeText({ rows: 1, created: 1, merged: 0, auto_approved: 0, ids: [4] })).toBe("1 row read: 1 new, 0 merged into earlier applications.");
    expect(decisionText("approved", { decided: 3, emails_queued: 3 })).toBe("3 approved; 3 welcome emails queued");
    expect(decisionText("rejected", { decided: 1, emails_queued: 1 })).toBe("1 rejected; 1 rejection email queued");
    expect(screenText({ screened: 4, flagged: 1 })).toBe("Screened 4 applications; 1 with a red flag.");
    expect(screenText({ screened: 0, flagged: 0 })).toBe("No pending application to screen.");
  });
});
