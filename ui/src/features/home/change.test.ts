import { describe, expect, it } from "vitest";
import { amountLines, countChange, moneyChange, netAmounts, percentText, rateText, refundRate } from "./change";

const usd = (minor: number) => ({ minor, currency: "USD" });
const eur = (minor: number) => ({ minor, currency: "EUR" });

describe("home changes", () => {
  it("says how a count moved, and whether that is good news", () => {
    expect(countChange(120, 100)).toEqual({ direction: "up", text: "+20%", tone: "good" });
    expect(countChange(30, 40)).toEqual({ direction: "down", text: "\u221225%", tone: "bad" });
    expect(countChange(6, 2, "down")).toEqual({ direction: "up", text: "+200%", tone: "bad" });
    expect(countChange(4, 0)).toEqual({ direction: "up", text: "+4", tone: "good" });
    expect(countChange(7, 7)).toEqual({ direction: "flat", text: "No change", tone: "neutral" });
  });

  it("rounds percentages: whole from 10 up, one decimal below, never a false zero", () => {
    expect(percentText(1051, 1000)).toBe("+5.1%");
    expect(percentText(10000, 10001)).toBe("\u2212<0.1%");
    expect(percentText(1000, 1001)).toBe("\u22120.1%");
    expect(percentText(2999, 1000)).toBe("+200%");
  });

  it("compares money in one currency, by difference when a percentage says little", () => {
    expect(moneyChange(usd(1200000), usd(1000000))).toMatchObject({ text: "+20%", tone: "good" });
    expect(moneyChange(eur(50000), eur(0))).toMatchObject({ text: "+€500.00", direction: "up" });
    expect(moneyChange(usd(-500), usd(-1000), "neither")).toMatchObject({ text: "+$5.00", tone: "neutral" });
    expect(moneyChange(usd(0), usd(2500), "down")).toMatchObject({ text: "\u2212100%", tone: "good" });
  });

  it("pairs each currency now with the same currency before", () => {
    expect(amountLines({ now: [eur(500), usd(9000)], before: [usd(100), { minor: 7, currency: "GBP" }] })).toEqual([
      { now: usd(9000), before: usd(100) },
      { now: eur(500), before: eur(0) },
      { now: { minor: 0, currency: "GBP" }, before: { minor: 7, currency: "GBP" } },
    ]);
  });

  it("nets commission earned with what was given back, in minor units", () => {
    expect(netAmounts({ now: [usd(120000), eur(10)], before: [usd(100000)] }, { now: [usd(-2000), eur(-10)], before: [] })).toEqual({
      now: [usd(118000)],
      before: [usd(100000)],
    });
  });

  it("reads a refund rate as refunds over sales", () => {
    expect(refundRate(5, 30)).toBeCloseTo(16.667, 3);
    expect(rateText(refundRate(5, 30))).toBe("17%");
    expect(rateText(refundRate(1, 40))).toBe("2.5%");
    expect(refundRate(3, 0)).toBeNull();
    expect(rateText(null)).toBe("\u2014");
  });
});
