import { describe, expect, it } from "vitest";
import { clearFilters, EMPTY_FILTERS, effectiveSort, hasFilters, isTopEarners, queryKey, toggleSort, toggleTopEarners, toQuery } from "./query";

describe("partner query", () => {
  it("sorts by name without search text and by relevance with it", () => {
    expect(effectiveSort(EMPTY_FILTERS)).toBe("name");
    expect(effectiveSort({ ...EMPTY_FILTERS, text: "ana" })).toBe("relevance");
    expect(effectiveSort({ ...EMPTY_FILTERS, text: "ana", sort: "country" })).toBe("country");
  });

  it("builds the backend query", () => {
    const q = toQuery({ ...EMPTY_FILTERS, text: "  ana  ", statuses: ["active"], groupId: 2, tag: "vip", country: "FR" }, 400, 200);
    expect(q).toEqual({
      text: "ana",
      statuses: ["active"],
      group_id: 2,
      tag: "vip",
      country: "FR",
      sort: "relevance",
      descending: false,
      offset: 400,
      limit: 200,
    });
  });

  it("flips the direction on a second click and starts dates newest first", () => {
    const byName = toggleSort(EMPTY_FILTERS, "name");
    expect([byName.sort, byName.descending]).toEqual(["name", true]);
    const byCountry = toggleSort(EMPTY_FILTERS, "country");
    expect([byCountry.sort, byCountry.descending]).toEqual(["country", false]);
    const byCreated = toggleSort(byCountry, "created");
    expect([byCreated.sort, byCreated.descending]).toEqual(["created", true]);
    expect(toggleSort(byCreated, "created").descending).toBe(false);
  });

  it("tells when filters are on and clears them but not the sort", () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    const f = { ...EMPTY_FILTERS, statuses: ["paused" as const], sort: "country" as const, descending: true };
    expect(hasFilters(f)).toBe(true);
    expect(clearFilters(f)).toEqual({ ...EMPTY_FILTERS, sort: "country", descending: true });
  });

  it("gives the same key for the same list whatever the paging", () => {
    expect(queryKey({ ...EMPTY_FILTERS, text: "ana " })).toBe(queryKey({ ...EMPTY_FILTERS, text: "ana" }));
    expect(queryKey(EMPTY_FILTERS)).not.toBe(queryKey({ ...EMPTY_FILTERS, tag: "vip" }));
  });

  it("sorts money highest first on the first click", () => {
    const byRevenue = toggleSort(EMPTY_FILTERS, "revenue");
    expect(byRevenue).toMatchObject({ sort: "revenue", descending: true });
    expect(toggleSort(byRevenue, "revenue")).toMatchObject({ sort: "revenue", descending: false });
    expect(toggleSort(byRevenue, "commission")).toMatchObject({ sort: "commission", descending: true });
    expect(toggleSort(byRevenue, "name")).toMatchObject({ sort: "name", descending: false });
  });

  it("turns the top earners on and off, keeping the filters", () => {
    const f = { ...EMPTY_FILTERS, statuses: ["active" as const], text: "ana" };
    const on = toggleTopEarners(f);
    expect(on).toMatchObject({ statuses: ["active"], text: "ana", sort: "revenue", descending: true });
    expect(isTopEarners(on)).toBe(true);
    expect(hasFilters({ ...on, text: "" , statuses: [] })).toBe(false);
    expect(isTopEarners({ ...on, descending: false })).toBe(false);
    const off = toggleTopEarners(on);
    expect(off).toMatchObject({ statuses: ["active"], sort: null, descending: false });
    expect(toQuery(off).sort).toBe("relevance");
  });

  it("adds the money filters that are on, with every sort, and clears them", () => {
    expect(toQuery(EMPTY_FILTERS)).not.toHaveProperty("balance_due");
    const f = { ...EMPTY_FILTERS, tag: "vip", minRevenueMinor: 100050, balanceDue: true, idleMonths: 3, minRefundPercent: 10, sort: "commission" as const, descending: true };
    expect(toQuery(f)).toMatchObject({ tag: "vip", sort: "commission", descending: true, min_revenue_minor: 100050, balance_due: true, idle_months: 3, min_refund_percent: 10 });
    expect(hasFilters({ ...EMPTY_FILTERS, balanceDue: true })).toBe(true);
    expect(queryKey({ ...EMPTY_FILTERS, idleMonths: 1 })).not.toBe(queryKey(EMPTY_FILTERS));
    expect(clearFilters(f)).toEqual({ ...EMPTY_FILTERS, sort: "commission", descending: true });
  });
});
