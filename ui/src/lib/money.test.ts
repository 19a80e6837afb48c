import { describe, expect, it } from "vitest";
import { currencyExponent, minorToDecimal } from "./money";

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
