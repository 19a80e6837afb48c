import { describe, expect, it } from "vitest";
import { moneyChips, moneyFromIntent, moneyQuery, NO_MONEY_FILTERS, parseMinRevenue, parseRefundPercent, withoutMoneyFilter } from "./moneyFilters";

describe("money filters", () => {
  it("reads a typed amount in the currency's minor units, refusing junk", () => {
    expect(parseMinRevenue("1,000.50", "USD")).toBe(100050);
    expect(parseMinRevenue("1000", "USD")).toBe(100000);
    expect(parseMinRevenue("1000", "JPY")).toBe(1000);
    expect(parseMinRevenue("  ", "USD")).toBeNull();
    expect(parseMinRevenue("12abc", "USD")).toBeUndefined();
    expect(parseMinRevenue("10.5", "JPY")).toBeUndefined();
  });

  it("reads a whole percent from 1 to 100", () => {
    expect(parseRefundPercent("10")).toBe(10);
    expect(parseRefundPercent("25 %")).toBe(25);
    expect(parseRefundPercent("")).toBeNull();
    for (const junk of ["0", "101", "7.5", "ten", "-3"]) expect(parseRefundPercent(junk)).toBeUndefined();
  });

  it("sends only the filters that are on", () => {
    expect(moneyQuery(NO_MONEY_FILTERS)).toEqual({});
    expect(moneyQuery({ ...NO_MONEY_FILTERS, balanceDue: true, minRefundPercent: 5 })).toEqual({ balance_due: true, min_refund_percent: 5 });
    expect(moneyQuery({ minRevenueMinor: 0, balanceDue: false, idleMonths: 12, minRefundPercent: null })).toEqual({ min_revenue_minor: 0, idle_months: 12 });
  });

  it("names each filter on as a chip, in the program's currency, and removes one", () => {
    const f = { minRevenueMinor: 100050, balanceDue: true, idleMonths: 1, minRefundPercent: 10 };
    expect(moneyChips(f, "USD").map((c) => c.label)).toEqual(["Revenue at least $1,000.50", "Balance due", "No sale this month", "Refunds at least 10%"]);
    expect(moneyChips({ ...f, idleMonths: 6 }, "USD")[2].label).toBe("No sale in 6 months");
    expect(moneyChips(NO_MONEY_FILTERS, "USD")).toEqual([]);
    expect(withoutMoneyFilter(f, "balanceDue")).toEqual({ ...f, balanceDue: false });
    expect(withoutMoneyFilter(f, "minRevenueMinor")).toEqual({ ...f, minRevenueMinor: null });
  });

  it("takes what another screen opens the list with", () => {
    expect(moneyFromIntent({ balanceDue: true })).toEqual({ ...NO_MONEY_FILTERS, balanceDue: true });
    expect(moneyFromIntent({})).toEqual(NO_MONEY_FILTERS);
  });
});
