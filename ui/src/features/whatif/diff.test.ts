import { describe, expect, it } from "vitest";
import type { WhatIfRow } from "../../bindings/WhatIfRow";
import { barWidths, differenceTone, formatDifference, rowsToCsv } from "./diff";

const usd = (minor: number) => ({ minor, currency: "USD" });

describe("formatDifference", () => {
  it("signs more and less, and shows none plainly", () => {
    expect(formatDifference(usd(123450), "en-US")).toBe("+$1,234.50");
    expect(formatDifference(usd(-1200), "en-US")).toBe("\u2212$12.00");
    expect(formatDifference(usd(0), "en-US")).toBe("$0.00");
    expect(formatDifference(usd(1), "en-US")).toBe("+$0.01");
    expect(formatDifference({ minor: -500, currency: "JPY" }, "en-US")).toBe("\u2212¥500");
  });

  it("stays exact beyond what a float holds", () => {
    expect(formatDifference(usd(900719925474099), "en-US")).toBe("+$9,007,199,254,740.99");
  });

  it("says which way it goes", () => {
    expect(differenceTone(usd(5))).toBe("more");
    expect(differenceTone(usd(-5))).toBe("less");
    expect(differenceTone(usd(0))).toBe("same");
  });
});

describe("barWidths", () => {
  it("is relative to the largest difference, either sign", () => {
    const rows = [usd(-40000), usd(20000), usd(10000), usd(-1), usd(0)].map((difference) => ({ difference }));
    expect(barWidths(rows)).toEqual([100, 50, 25, 1, 0]);
  });

  it("draws nothing when nothing differs", () => {
    expect(barWidths([{ difference: usd(0) }, { difference: usd(0) }])).toEqual([0, 0]);
    expect(barWidths([])).toEqual([]);
  });

  it("keeps a decimal place", () => {
    expect(barWidths([{ difference: usd(3000) }, { difference: usd(1000) }])).toEqual([100, 33.3]);
  });
});

describe("rowsToCsv", () => {
  it("writes plain decimals and quotes names that need it", () => {
    const row: WhatIfRow = {
      partner_id: 7,
      partner_name: 'Lima, "Ana"',
      actual: usd(10000),
      scenario: usd(12550),
      difference: usd(2550),
      conversions: 3,
    };
    expect(rowsToCsv([row])).toBe(
      'Partner,Partner ID,Conversions,Actual,What-if,Difference,Currency\n"Lima, ""Ana""",7,3,100.00,125.50,25.50,USD\n',
    );
  });
});
