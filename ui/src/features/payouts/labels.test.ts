import { describe, expect, it } from "vitest";
import type { ReadinessItem } from "../../bindings/ReadinessItem";
import {
  checkTitle,
  coverageText,
  defaultThrough,
  draftInTheWay,
  exportFileName,
  FORMAT_LABELS,
  FORMATS,
  groupReadiness,
  groupTotalText,
  kilobytesText,
  lineStatusLabel,
  lineStatusTone,
  methodLabel,
  payTotalsText,
  runStatusLabel,
  runStatusTone,
  runSteps,
  shortFingerprint,
} from "./labels";

const item = (check: string, severity: ReadinessItem["severity"], partner_name = "Ana Lima"): ReadinessItem => ({
  check,
  severity,
  partner_id: 1,
  partner_name,
  message: `${check} message`,
  balance: { minor: 1000, currency: "USD" },
});

describe("run and line states", () => {
  it("names and colours run states", () => {
    expect(["draft", "approved", "discarded"].map(runStatusLabel)).toEqual(["Draft", "Approved", "Discarded"]);
    expect(runStatusTone("draft")).toBe("amber");
    expect(runStatusTone("approved")).toBe("green");
    expect(runStatusTone("discarded")).toBe("grey");
    expect(runStatusLabel("on_ice")).toBe("On ice");
  });

  it("names and colours line states", () => {
    expect(["draft", "held", "pending", "paid", "failed"].map(lineStatusLabel)).toEqual(["To pay", "Held", "Pending", "Paid", "Failed"]);
    expect(lineStatusTone("held")).toBe("amber");
    expect(lineStatusTone("pending")).toBe("blue");
    expect(lineStatusTone("paid")).toBe("green");
    expect(lineStatusTone("failed")).toBe("red");
    expect(lineStatusTone("unknown")).toBe("grey");
  });

  it("names payout methods", () => {
    expect(methodLabel("paypal")).toBe("PayPal");
    expect(methodLabel("iban")).toBe("Bank transfer");
    expect(methodLabel("")).toBe("");
    expect(methodLabel("crypto_wallet")).toBe("Crypto wallet");
  });

  it("lists a draft's steps, then an approved run's", () => {
    expect(runSteps("draft")).toEqual(["preview", "readiness", "adjustments", "approve"]);
    expect(runSteps("approved")).toEqual(["export", "paying"]);
    expect(runSteps("discarded")).toEqual(["preview"]);
  });
});

describe("readiness groups", () => {
  it("titles every check, unknown ones as Other", () => {
    expect(checkTitle("tax_form")).toBe("Tax forms");
    expect(checkTitle("hold")).toBe("Held by you");
    expect(checkTitle("near_minimum")).toBe("Just below the minimum");
    expect(checkTitle("shared_account")).toBe("Same account on two partners");
    expect(checkTitle("fx")).toBe("Exchange rates");
    expect(checkTitle("something_new")).toBe("Other");
  });

  it("groups by check, decisions first and routine holds last, folded with their total", () => {
    const groups = groupReadiness([
      item("details_changed", "warning", "Bruno"),
      item("payout_method", "blocker", "Carla"),
      item("tax_form", "blocker", "Ana"),
      item("payout_method", "blocker", "Dan"),
      item("mystery", "warning", "Eve"),
      item("near_minimum", "warning", "Fay"),
    ]);
    expect(groups.map((g) => [g.title, g.severity, g.items.map((i) => i.partner_name)])).toEqual([
      ["Payout details changed", "warning", ["Bruno"]],
      ["Payout method", "blocker", ["Carla", "Dan"]],
      ["Tax forms", "blocker", ["Ana"]],
      ["Other", "warning", ["Eve"]],
      ["Just below the minimum", "warning", ["Fay"]],
    ]);
    expect(groups.map((g) => g.routine)).toEqual([false, false, false, false, true]);
    expect(groupTotalText(groups[1])).toBe("$20.00");
    expect(groupReadiness([])).toEqual([]);
  });

  it("counts a group as a blocker when any of its items is one", () => {
    expect(groupReadiness([item("other", "warning"), item("weird", "blocker")])).toMatchObject([{ key: "other", severity: "blocker" }]);
  });
});

describe("payment files", () => {
  it("offers a file name per run and format", () => {
    expect(exportFileName(3, "paypal")).toBe("payout-run-3-paypal.csv");
    expect(exportFileName(3, "wise")).toBe("payout-run-3-wise.csv");
    expect(exportFileName(12, "sepa")).toBe("payout-run-12-sepa.xml");
    expect(exportFileName(3, "csv")).toBe("payout-run-3-csv.csv");
    expect(FORMATS.map((f) => FORMAT_LABELS[f])).toEqual(["PayPal", "Wise", "SEPA XML", "CSV", "By hand"]);
    expect(exportFileName(3, "manual")).toBe("payout-run-3-manual.csv");
  });

  it("says why a provider needs several uploads", () => {
    const group = { format: "paypal" as const, payouts: 9, totals: [], files: 2, written_at: null };
    expect(coverageText(group)).toBe("2 files to upload: PayPal takes one currency per file");
    expect(coverageText({ ...group, format: "wise" })).toBe("2 files to upload: Wise takes one currency and one template (email or bank account) per file");
    expect(coverageText({ ...group, format: "wise", files: 1 })).toBe("1 file to upload");
  });

  it("gives sizes in whole kilobytes, rounded up", () => {
    expect(kilobytesText(0)).toBe("0 KB");
    expect(kilobytesText(1)).toBe("1 KB");
    expect(kilobytesText(1024)).toBe("1 KB");
    expect(kilobytesText(12_300)).toBe("13 KB");
    expect(kilobytesText(5_000_000)).toBe("4,883 KB");
  });
});

describe("small helpers", () => {
  it("defaults the cut-off to the last day of last month", () => {
    expect(defaultThrough(new Date(2026, 5, 15))).toBe("2026-05-31");
    expect(defaultThrough(new Date(2026, 0, 1))).toBe("2025-12-31");
    expect(defaultThrough(new Date(2024, 2, 31, 23, 59))).toBe("2024-02-29");
    expect(defaultThrough(new Date(2026, 4, 1))).toBe("2026-04-30");
  });

  it("shortens fingerprints to 12 hex digits", () => {
    expect(shortFingerprint("0123456789abcdef0123")).toBe("0123456789ab");
    expect(shortFingerprint(null)).toBe("");
  });

  it("adds pay totals up per currency", () => {
    expect(payTotalsText([{ minor: 120000, currency: "USD" }, { minor: 30000, currency: "EUR" }])).toBe("$1,200.00 + €300.00");
    expect(payTotalsText([])).toBe("Nothing");
  });

  it("finds the draft that stands in the way", () => {
    expect(draftInTheWay("run: run #4 is still a draft: approve or discard it first")).toBe(4);
    expect(draftInTheWay("through: not a date")).toBeNull();
  });
});
