import { describe, expect, it } from "vitest";
import { formatDecimalMoney, formatMoney, formatSignedMoney } from "./moneyDisplay";

const en = { locale: "en-US" };

describe("formatMoney", () => {
  it("uses the currency's symbol, grouping and exponent", () => {
    expect(formatMoney({ minor: 123456, currency: "USD" }, en)).toBe("$1,234.56");
    expect(formatMoney({ minor: 1500, currency: "JPY" }, en)).toBe("¥1,500");
    expect(formatMoney({ minor: 1234, currency: "BHD" }, en)).toBe("BHD\u00a01.234");
    expect(formatMoney({ minor: -250, currency: "EUR" }, en)).toBe("\u2212€2.50");
  });

  it("signs changes", () => {
    expect(formatSignedMoney({ minor: 5, currency: "USD" }, en)).toBe("+$0.05");
    expect(formatSignedMoney({ minor: -5, currency: "USD" }, en)).toBe("\u2212$0.05");
    expect(formatSignedMoney({ minor: 0, currency: "USD" }, en)).toBe("$0.00");
  });
});

describe("formatDecimalMoney", () => {
  it("formats decimal text exactly, optionally without zero cents", () => {
    expect(formatDecimalMoney("1000.00", "USD", { ...en, trimZeroCents: true })).toBe("$1,000");
    expect(formatDecimalMoney("1000.50", "USD", { ...en, trimZeroCents: true })).toBe("$1,000.50");
    expect(formatDecimalMoney("5", "USD", en)).toBe("$5.00");
    expect(formatDecimalMoney("0.125", "USD", en)).toBe("$0.125");
  });

  it("keeps text it cannot read", () => {
    expect(formatDecimalMoney("abc", "USD", en)).toBe("abc USD");
  });
});
