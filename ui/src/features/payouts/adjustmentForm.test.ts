import { describe, expect, it } from "vitest";
import { EMPTY_ADJUSTMENT, normalizeAmount, toAdjustment } from "./adjustmentForm";

const ana = { id: 7, name: "Ana Lima" };

describe("adjustment amounts", () => {
  it("takes plain decimals, signed or not", () => {
    expect(normalizeAmount("20")).toBe("20");
    expect(normalizeAmount(" +20.50 ")).toBe("20.50");
    expect(normalizeAmount("-5.00")).toBe("-5.00");
    expect(normalizeAmount("12.")).toBe("12");
    expect(normalizeAmount(".5")).toBe(".5");
  });

  it("refuses zero and what is not a number", () => {
    expect(normalizeAmount("0.00")).toBeNull();
    expect(normalizeAmount("")).toBeNull();
    expect(normalizeAmount("$20")).toBeNull();
    expect(normalizeAmount("1,000")).toBeNull();
    expect(normalizeAmount("abc")).toBeNull();
  });
});

describe("toAdjustment", () => {
  it("needs a partner, an amount and a reason", () => {
    expect(toAdjustment(EMPTY_ADJUSTMENT)).toEqual({
      errors: { partner: "Choose the partner.", amount: "Enter the amount.", reason: "Say why: the reason is kept with the adjustment." },
    });
  });

  it("lets the sign decide when no kind is chosen", () => {
    expect(toAdjustment({ partner: ana, amount: "-5.00", kind: "", reason: " refund " })).toEqual({
      input: { partnerId: 7, amount: "-5.00", kind: null, reason: "refund" },
    });
  });

  it("checks the sign against the kind", () => {
    expect(toAdjustment({ partner: ana, amount: "-5", kind: "bonus", reason: "x" })).toEqual({ errors: { amount: "A bonus is a positive amount." } });
    expect(toAdjustment({ partner: ana, amount: "5", kind: "clawback", reason: "x" })).toEqual({ errors: { amount: "A clawback is a negative amount." } });
    expect(toAdjustment({ partner: ana, amount: "-5", kind: "correction", reason: "x" })).toMatchObject({ input: { kind: "correction" } });
  });
});
