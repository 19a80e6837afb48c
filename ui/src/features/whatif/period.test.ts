import { describe, expect, it } from "vitest";
import { lastMonth, periodDays, periodLabel, recentPeriods, shiftPeriod } from "./period";

describe("periods", () => {
  it("defaults to last month, across a year boundary", () => {
    expect(lastMonth(new Date(2027, 0, 1, 0, 5))).toBe("2026-12");
    expect(lastMonth(new Date(2026, 11, 31, 23, 59))).toBe("2026-11");
    expect(lastMonth(new Date(2026, 2, 31))).toBe("2026-02");
  });

  it("moves by months", () => {
    expect(shiftPeriod("2026-01", -1)).toBe("2025-12");
    expect(shiftPeriod("2026-12", 1)).toBe("2027-01");
    expect(shiftPeriod("2026-05", -17)).toBe("2024-12");
  });

  it("lists this month first, then back", () => {
    expect(recentPeriods(new Date(2026, 1, 10), 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });

  it("names a month and knows its days", () => {
    expect(periodLabel("2026-05", "en-US")).toBe("May 2026");
    expect(periodDays("2028-02")).toEqual(["2028-02-01", "2028-02-29"]);
    expect(periodDays("2026-12")).toEqual(["2026-12-01", "2026-12-31"]);
  });
});
