import { describe, expect, it } from "vitest";
import { blocksForRange, MoneyCache } from "./moneyCache";
import { moneyView, type MoneyView } from "./moneyView";

const view = (id: number, minor = id * 100): MoneyView =>
  moneyView(
    {
      partner_id: id,
      revenue: [{ minor, currency: "USD" }],
      commission: [],
      revenue_30d: [],
      commission_30d: [],
      balance_due: [],
      last_sale: null,
      sales: 0,
      refunds: 0,
      customers: 0,
    },
    "USD",
  );
const views = (ids: number[]) => new Map(ids.map((id) => [id, view(id)]));

describe("blocksForRange", () => {
  it("covers the rows on screen with blocks of 100, within the list", () => {
    expect(blocksForRange(0, 30, 100_000)).toEqual([[0, 99]]);
    expect(blocksForRange(90, 130, 100_000)).toEqual([
      [0, 99],
      [100, 199],
    ]);
    expect(blocksForRange(0, 30, 12)).toEqual([[0, 11]]);
    expect(blocksForRange(0, 10, 0)).toEqual([]);
  });
});

describe("MoneyCache", () => {
  it("asks once per id, and keeps the answers", () => {
    const cache = new MoneyCache();
    expect(cache.claim([1, 2, 3])).toEqual([1, 2, 3]);
    expect(cache.claim([2, 3, 4])).toEqual([4]);
    expect(cache.get(1)).toBeUndefined();
    expect(cache.accept(cache.generation, [1, 2, 3], views([1, 2, 3]))).toBe(true);
    expect(cache.get(2)?.revenue.text).toBe("$2.00");
    expect(cache.claim([1, 2, 3])).toEqual([]);
  });

  it("shows nothing for ids the answer left out or a failed ask, until a reset", () => {
    const cache = new MoneyCache();
    cache.claim([1, 2, 3, 4]);
    cache.accept(cache.generation, [1, 2], views([1]));
    expect(cache.get(2)).toBeNull();
    cache.fail(cache.generation, [3, 4]);
    expect(cache.get(3)).toBeNull();
    expect(cache.claim([2, 3])).toEqual([]);
    cache.reset();
    expect(cache.claim([2, 3])).toEqual([2, 3]);
  });

  it("drops an answer asked before a reset, showing the old values until the new ones come", () => {
    const cache = new MoneyCache();
    cache.claim([1]);
    cache.accept(cache.generation, [1], views([1]));
    const before = cache.generation;
    cache.claim([2]);
    cache.reset();
    expect(cache.get(1)?.revenue.text).toBe("$1.00");
    expect(cache.accept(before, [2], views([2]))).toBe(false);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.claim([1, 2])).toEqual([1, 2]);
    cache.accept(cache.generation, [1], new Map([[1, view(1, 900)]]));
    expect(cache.get(1)?.revenue.text).toBe("$9.00");
  });

  it("keeps at most maxSize partners, and the widest value seen per column", () => {
    const cache = new MoneyCache(3);
    cache.claim([1, 2, 3, 4]);
    cache.accept(cache.generation, [1, 2, 3, 4], new Map([[1, view(1, 123456789)], [2, view(2)], [3, view(3)], [4, view(4)]]));
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(4)).toBeDefined();
    expect(cache.widest.revenue).toBeGreaterThan(12);
  });
});
