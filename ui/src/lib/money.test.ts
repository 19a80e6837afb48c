import { describe, expect, it } from "vitest";
import { currencyExponent, minorToDecimal, typedAmountToMinor } from "./money";

describe("minorToDecimal", () => {
  it("uses the currency's exponent", () => {
    expect(minorToDecimal(5000, "USD")).toBe("50.00");
    expect(minorToDecimal(5, "EUR")).toBe("0.05");
    expect(minorToDecimal(0, "GBP")).toBe("0.00");
    expect(minorToDecimal(500, "JPY")).toBe("500");
    expect(minorToDecimal(1234, "BHD")).toBe("1.234");
    expect(minorToDecimal(-250, "usd")).toBe("-2.50");
  });

  it("knows the odd exponents", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("CHF")).toBe(2);
  });
});

describe("typedAmountToMinor", () => {
  it("reads plain and grouped amounts in the currency's minor units", () => {
    expect(typedAmountToMinor("1,000.50", "USD")).toBe(100050);
    expect(typedAmountToMinor("1000", "USD")).toBe(100000);
    expect(typedAmountToMinor(" 1,234,567.8 ", "EUR")).toBe(123456780);
    expect(typedAmountToMinor(".5", "USD")).toBe(50);
    expect(typedAmountToMinor("12.", "USD")).toBe(1200);
    expect(typedAmountToMinor("0", "USD")).toBe(0);
    expect(typedAmountToMinor("1.500", "USD")).toBe(150);
    expect(typedAmountToMinor("1,000", "JPY")).toBe(1000);
    expect(typedAmountToMinor("1.234", "KWD")).toBe(1234);
  });

  it("refuses what is not an amount in the currency", () => {
    for (const junk of ["", " ", ".", "abc", "12abc", "-5", "+5", "1,00", "10,0000", ",100", "1.2.3", "1.005", "$10", "1e3"]) {
      expect(typedAmountToMinor(junk, "USD")).toBeNull();
    }
    expect(typedAmountToMinor("10.5", "JPY")).toBeNull();
    expect(typedAmountToMinor("99999999999999999", "USD")).toBeNull();
  });
});
