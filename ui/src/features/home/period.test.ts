import { describe, expect, it } from "vitest";
import { addMonths, choiceMonths, customProblem, monthCount, monthDays, rangeLabel, settingMonths, versusLabel } from "./period";

// Months on the computer's calendar: new Date(y, m, d) is local.
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

describe("home period", () => {
  it("turns each choice into months, this month by the computer's date", () => {
    const nov = day(2026, 11, 15);
    expect(choiceMonths("this_month", nov)).toEqual({ from: "2026-11", to: "2026-11" });
    expect(choiceMonths("last_month", nov)).toEqual({ from: "2026-10", to: "2026-10" });
    expect(choiceMonths("this_quarter", nov)).toEqual({ from: "2026-10", to: "2026-11" });
    expect(choiceMonths("this_year", nov)).toEqual({ from: "2026-01", to: "2026-11" });
    expect(choiceMonths("last_12", nov)).toEqual({ from: "2025-12", to: "2026-11" });
  });

  it("crosses the year at its edges", () => {
    const jan = day(2027, 1, 1);
    expect(choiceMonths("last_month", jan)).toEqual({ from: "2026-12", to: "2026-12" });
    expect(choiceMonths("this_quarter", jan)).toEqual({ from: "2027-01", to: "2027-01" });
    expect(choiceMonths("this_quarter", day(2026, 9, 30))).toEqual({ from: "2026-07", to: "2026-09" });
    expect(choiceMonths("last_12", jan)).toEqual({ from: "2026-02", to: "2027-01" });
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(monthCount("2025-12", "2026-11")).toBe(12);
  });

  it("checks months typed for Custom", () => {
    expect(customProblem("", "2026-11")).toBe("Choose the first and the last month.");
    expect(customProblem("2026-13", "2026-11")).toBe("“2026-13” is not a month like 2026-11.");
    expect(customProblem("2026-11", "2026-10")).toBe("The first month is after the last month.");
    expect(customProblem("2026-10", "2026-11")).toBeNull();
    expect(settingMonths({ choice: "custom", from: " 2026-02 ", to: "2026-04" }, day(2026, 11, 1))).toEqual({ from: "2026-02", to: "2026-04" });
    expect(settingMonths({ choice: "custom", from: "2026-04", to: "2026-02" }, day(2026, 11, 1))).toHaveProperty("problem");
  });

  it("names the period and what it is compared with", () => {
    expect(rangeLabel("2026-11", "2026-11", "en-US")).toBe("Nov 2026");
    expect(rangeLabel("2026-09", "2026-11", "en-US")).toBe("Sep \u2013 Nov 2026");
    expect(rangeLabel("2025-12", "2026-11", "en-US")).toBe("Dec 2025 \u2013 Nov 2026");
    expect(versusLabel("2026-10", "2026-10", "en-US")).toBe("vs Oct 2026");
    expect(versusLabel("2026-07", "2026-09", "en-US")).toBe("vs previous 3 months");
  });

  it("gives the days of a span of months, leap years included", () => {
    expect(monthDays("2026-11", "2026-11")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(monthDays("2028-01", "2028-02")).toEqual({ from: "2028-01-01", to: "2028-02-29" });
  });
});
