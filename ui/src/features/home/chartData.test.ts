import { describe, expect, it } from "vitest";
import { chartCurrencies, funnelBars, groupBars, refundBars, topBars, trendSeries } from "./chartData";
import { eur, homeFixture, usd } from "./testFixtures";

describe("home chart data", () => {
  it("offers the currencies most sold first, then any other seen", () => {
    const home = homeFixture();
    home.trend[0].revenue.push({ minor: 5, currency: "GBP" });
    expect(chartCurrencies(home)).toEqual(["USD", "EUR", "GBP"]);
  });

  it("draws one currency of the trend, zero where a month has none", () => {
    const s = trendSeries(homeFixture().trend, "EUR");
    expect(s.months[11]).toBe("2026-11");
    expect(s.revenue[0]).toEqual(eur(0));
    expect(s.revenue[11]).toEqual(eur(50000));
  });

  it("draws whole units and writes exact amounts", () => {
    const [first] = topBars(homeFixture().partners.top, "USD");
    expect(first).toEqual({ label: "Zoe Okafor", value: 7000, text: "$7,000.00", partnerId: 9, sales: 40 });
    expect(topBars(homeFixture().partners.top, "JPY")).toEqual([]);
  });

  it("ranks groups by the currency shown", () => {
    const groups = homeFixture().partners.groups;
    expect(groupBars(groups, "USD").map((g) => g.label)).toEqual(["Creators", "(no group)"]);
    expect(groupBars(groups, "EUR").map((g) => [g.label, g.text])).toEqual([
      ["(no group)", "€500.00"],
      ["Creators", "€0.00"],
    ]);
    expect(groupBars(groups, "USD")[0].commission).toEqual(usd(90000));
  });

  it("writes refund rates with their counts, and the funnel with shares of those approved", () => {
    expect(refundBars(homeFixture().partners.refund_rates)[0]).toMatchObject({ label: "Bram de Vries", text: "17% (5 of 30)", rate: "17%" });
    expect(funnelBars({ applied: 12, approved: 8, first_sale: 6, paid: 2 }).map((b) => b.text)).toEqual(["12", "8", "6 (75%)", "2 (25%)"]);
    expect(funnelBars({ applied: 3, approved: 0, first_sale: 0, paid: 0 }).map((b) => b.text)).toEqual(["3", "0", "0", "0"]);
  });
});
