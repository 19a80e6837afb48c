import { describe, expect, it } from "vitest";
import { daysInMonth, isIsoDate, isLeapYear, monthRange, periodBounds, todayIso } from "./period";

describe("monthRange", () => {
  it("gives the first and last day of each month", () => {
    expect(monthRange("2026-01")).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(monthRange("2026-04")).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(monthRange("2026-06")?.to).toBe("2026-06-30");
    expect(monthRange("2026-09")?.to).toBe("2026-09-30");
    expect(monthRange("2026-11")?.to).toBe("2026-11-30");
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("knows February in leap years", () => {
    expect(monthRange("2024-02")?.to).toBe("2024-02-29");
    expect(monthRange("2023-02")?.to).toBe("2023-02-28");
    expect(monthRange("2000-02")?.to).toBe("2000-02-29");
    expect(monthRange("1900-02")?.to).toBe("1900-02-28");
    expect(monthRange("2100-02")?.to).toBe("2100-02-28");
  });

  it("refuses what is not a month", () => {
    expect(monthRange("2026-13")).toBeNull();
    expect(monthRange("2026-00")).toBeNull();
    expect(monthRange("2026-5")).toBeNull();
    expect(monthRange("May 2026")).toBeNull();
    expect(monthRange("")).toBeNull();
  });
});

describe("calendar helpers", () => {
  it("counts days and leap years", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 7)).toBe(31);
    expect(daysInMonth(2025, 8)).toBe(31);
  });

  it("checks real days", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-4-01")).toBe(false);
  });

  it("writes today on the machine's calendar", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("periodBounds", () => {
  it("turns a month into inclusive bounds, and no month into none", () => {
    expect(periodBounds({ mode: "month", month: "2024-02" })).toEqual({ from: "2024-02-01", to: "2024-02-29", error: null });
    expect(periodBounds({ mode: "month", month: "" })).toEqual({ from: null, to: null, error: null });
    expect(periodBounds({ mode: "month", month: "2024-2" }).error).toMatch(/not a month/);
  });

  it("takes explicit days, open on either side", () => {
    expect(periodBounds({ mode: "range", from: "2026-01-15", to: "2026-02-14" })).toEqual({ from: "2026-01-15", to: "2026-02-14", error: null });
    expect(periodBounds({ mode: "range", from: "", to: "2026-02-14" })).toEqual({ from: null, to: "2026-02-14", error: null });
    expect(periodBounds({ mode: "range", from: "2026-03-01", to: "2026-02-01" }).error).toBe("The first day is after the last day");
    expect(periodBounds({ mode: "range", from: "2026-02-30", to: "" }).error).toMatch(/not a date/);
  });
});
