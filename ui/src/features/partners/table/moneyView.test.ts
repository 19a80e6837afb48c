import { describe, expect, it } from "vitest";
import type { PartnerMoney } from "../../../bindings/PartnerMoney";
import { amountsView, moneyView, refundRateText, textWidth, viewWidths } from "./moneyView";

const usd = (minor: number) => ({ minor, currency: "USD" });
const eur = (minor: number) => ({ minor, currency: "EUR" });

describe("money view", () => {
  it("shows the program's currency first, the others as +N and all in the title", () => {
    expect(amountsView([usd(123456)], "USD")).toEqual({ text: "$1,234.56", more: 0, title: undefined });
    expect(amountsView([eur(500), usd(100), { minor: 700, currency: "GBP" }], "USD")).toEqual({
      text: "$1.00",
      more: 2,
      title: "$1.00\n€5.00\n£7.00",
    });
    expect(amountsView([eur(500), { minor: 700, currency: "GBP" }], "USD").text).toBe("€5.00");
    expect(amountsView([], "USD")).toEqual({ text: "—", more: 0, title: undefined });
  });

  it("gives the refund rate, a dash without sales", () => {
    expect(refundRateText(0, 0)).toBe("—");
    expect(refundRateText(3, 40)).toBe("7.5%");
    expect(refundRateText(5, 40)).toBe("13%");
    expect(refundRateText(0, 12)).toBe("0%");
  });

  it("formats a partner's money once", () => {
    const m: PartnerMoney = {
      partner_id: 7,
      revenue: [usd(100000)],
      commission: [usd(-2500)],
      revenue_30d: [],
      commission_30d: [],
      balance_due: [usd(0)],
      last_sale: "2026-11-30",
      sales: 12,
      refunds: 1,
      customers: 1234,
    };
    const v = moneyView(m, "USD");
    expect(v.revenue.text).toBe("$1,000.00");
    expect(v.commission.text).toBe("\u2212$25.00");
    expect(v.revenue30.text).toBe("—");
    expect(v.balance.text).toBe("$0.00");
    expect(v.lastSale).toBe("Nov 30, 2026");
    expect(v.refundRate).toBe("8.3%");
    expect(v.refundTitle).toBe("1 refund of 12 sales");
    expect(v.customers).toBe("1,234");
    expect(moneyView({ ...m, last_sale: null }, "USD").lastSale).toBe("—");
  });

  it("measures text in ch, erring wide", () => {
    expect(textWidth("1234")).toBe(4);
    expect(textWidth("$1,234.56")).toBeCloseTo(8.1);
    expect(textWidth("CHF 1")).toBeCloseTo(5.4);
    const v = moneyView({ partner_id: 1, revenue: [usd(100), eur(100)], commission: [], revenue_30d: [], commission_30d: [], balance_due: [], last_sale: null, sales: 0, refunds: 0, customers: 0 }, "USD");
    expect(viewWidths(v).revenue).toBeGreaterThan(textWidth("$1.00") + 2);
  });
});
