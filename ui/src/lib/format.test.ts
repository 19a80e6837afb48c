import { describe, expect, it } from "vitest";
import { countryName, fileName, folderOf, formatCount, formatDate, formatDateTime, formatPercent, formatRelative, plural } from "./format";

const utc = { locale: "en-US", timeZone: "UTC" };

describe("counts", () => {
  it("groups thousands", () => {
    expect(formatCount(0, "en-US")).toBe("0");
    expect(formatCount(999, "en-US")).toBe("999");
    expect(formatCount(12345, "en-US")).toBe("12,345");
    expect(formatCount(100000, "en-US")).toBe("100,000");
    expect(formatCount(1234567, "de-DE")).toBe("1.234.567");
  });

  it("writes percentages with at most the decimals asked", () => {
    expect(formatPercent(16.6667, 1, "en-US")).toBe("16.7%");
    expect(formatPercent(16.6667, 0, "en-US")).toBe("17%");
    expect(formatPercent(2.5, 1, "de-DE")).toBe("2,5%");
    expect(formatPercent(1234, 0, "en-US")).toBe("1,234%");
  });

  it("says partner or partners", () => {
    expect(plural(1, "partner", undefined, "en-US")).toBe("1 partner");
    expect(plural(0, "partner", undefined, "en-US")).toBe("0 partners");
    expect(plural(12345, "partner", undefined, "en-US")).toBe("12,345 partners");
    expect(plural(2, "entry", "entries", "en-US")).toBe("2 entries");
  });
});

describe("dates", () => {
  it("formats a timestamp as a day in the given zone", () => {
    expect(formatDate("2026-11-22T02:14:00Z", utc)).toBe("Nov 22, 2026");
    // Late on the 21st in New York is already the 22nd in UTC.
    expect(formatDate("2026-11-22T02:14:00Z", { locale: "en-US", timeZone: "America/New_York" })).toBe("Nov 21, 2026");
  });

  it("never shifts a plain calendar day", () => {
    expect(formatDate("2027-12-31", { locale: "en-US", timeZone: "Pacific/Honolulu" })).toBe("Dec 31, 2027");
  });

  it("keeps what it cannot read and is empty for no date", () => {
    expect(formatDate("not a date", utc)).toBe("not a date");
    expect(formatDate(null, utc)).toBe("");
    expect(formatDate("", utc)).toBe("");
  });

  it("formats date and time", () => {
    expect(formatDateTime("2026-11-22T14:05:00Z", utc)).toBe("Nov 22, 2026, 2:05 PM");
  });

  it("says how long ago", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(formatRelative("2026-11-22T11:59:30Z", now, utc)).toBe("just now");
    expect(formatRelative("2026-11-22T11:55:00Z", now, utc)).toBe("5 min ago");
    expect(formatRelative("2026-11-22T09:00:00Z", now, utc)).toBe("3 h ago");
    expect(formatRelative("2026-11-21T10:00:00Z", now, utc)).toBe("yesterday");
    expect(formatRelative("2026-10-01T10:00:00Z", now, utc)).toBe("Oct 1, 2026");
  });
});

describe("paths and places", () => {
  it("splits file and folder on either slash", () => {
    expect(fileName("/home/ana/Books/Acme.partnerbook")).toBe("Acme.partnerbook");
    expect(fileName("C:\\Users\\ana\\Acme.partnerbook")).toBe("Acme.partnerbook");
    expect(folderOf("/home/ana/Acme.partnerbook")).toBe("/home/ana");
  });

  it("names countries by code", () => {
    expect(countryName("FR")).toMatch(/France/);
    expect(countryName("")).toBe("");
  });
});
