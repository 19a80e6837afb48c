import { describe, expect, it } from "vitest";
import type { ConversionImportReport } from "../../../bindings/ConversionImportReport";
import { commissionsSummary, importSummary, skippedReasons, skippedTotal } from "./report";

const engine = { conversions: 100, lines: 96, held: 4, reversals: 2, clawbacks: 0, reinstated: 0, bonuses: 1, adjustments: 0, net: null };
const report: ConversionImportReport = {
  rows: 1200,
  recorded: 1000,
  refunds: 0,
  existing: 150,
  skipped: { "not completed": 30, "a cancelled order": 20 },
  unattributed: 3,
  commissions: engine,
  dry_run: true,
  notes: [],
};

describe("import report in words", () => {
  it("says what a check would do", () => {
    expect(importSummary(report)).toBe("1,200 rows read: 1,000 would be recorded, 150 already in the book, 50 skipped, 3 unattributed.");
    expect(commissionsSummary(report)).toBe("Commissions: 96 commission lines (4 held, 2 reversals, 1 bonus) would be computed.");
  });

  it("says why more conversions than rows would be recorded", () => {
    const stripe = { ...report, rows: 5150, recorded: 5260, refunds: 220, existing: 0, skipped: {}, unattributed: 0 };
    expect(importSummary(stripe)).toBe("5,150 rows read: 5,260 would be recorded (5,040 sales and 220 refunds: a refunded sale's row gives both).");
    const commissions = { ...engine, lines: 4728, held: 0, reversals: 0, bonuses: 0, net: { minor: 1234567, currency: "USD" } };
    expect(commissionsSummary({ ...stripe, commissions })).toBe("Commissions: 4,728 commission lines worth $12,345.67 would be computed.");
  });

  it("counts the lines a won dispute gave back", () => {
    const commissions = { ...engine, lines: 2, held: 0, reversals: 0, bonuses: 0, reinstated: 2 };
    expect(commissionsSummary({ ...report, dry_run: false, commissions })).toBe("Commissions: 2 commission lines (2 reinstated) computed.");
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
