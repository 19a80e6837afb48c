import { describe, expect, it } from "vitest";
import type { ConversionImportReport } from "../../../bindings/ConversionImportReport";
import { commissionsSummary, importSummary, skippedReasons, skippedTotal } from "./report";

const engine = { conversions: 100, lines: 96, held: 4, reversals: 2, clawbacks: 0, bonuses: 1, adjustments: 0 };
const report: ConversionImportReport = {
  rows: 1200,
  recorded: 1000,
  existing: 150,
  skipped: { "not completed": 30, "a cancelled order": 20 },
  unattributed: 3,
  commissions: engine,
  dry_run: true,
};

describe("import report in words", () => {
  it("says what a check would do", () => {
    expect(importSummary(report)).toBe("1,200 rows read: 1,000 would be recorded, 150 already in the book, 50 skipped, 3 unattributed.");
    expect(commissionsSummary(report)).toBe("Commissions: 96 commission lines (4 held, 2 reversals, 1 bonus) would be computed.");
  });

  it("says what an import did, leaving out what is zero", () => {
    const done = { ...report, rows: 1, recorded: 1, existing: 0, skipped: {}, unattributed: 0, dry_run: false };
    expect(importSummary(done)).toBe("1 row read: 1 recorded.");
    expect(commissionsSummary({ ...done, commissions: { ...engine, lines: 1, held: 0, reversals: 0, bonuses: 0 } })).toBe(
      "Commissions: 1 commission line computed.",
    );
  });

  it("counts and sorts the reasons rows were skipped", () => {
    expect(skippedTotal(report)).toBe(50);
    expect(skippedReasons(report)).toEqual([
      ["Not completed", 30],
      ["A cancelled order", 20],
    ]);
    expect(skippedReasons({ ...report, skipped: { b: 2, a: 2, none: 0 } })).toEqual([
      ["A", 2],
      ["B", 2],
    ]);
  });
});
