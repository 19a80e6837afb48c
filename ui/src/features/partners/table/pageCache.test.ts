import { describe, expect, it } from "vitest";
import { PageCache, pagesForRange } from "./pageCache";

describe("pagesForRange", () => {
  it("covers the visible rows with whole pages", () => {
    expect(pagesForRange(0, 30, 100_000)).toEqual([0]);
    expect(pagesForRange(190, 230, 100_000)).toEqual([0, 1]);
    expect(pagesForRange(200, 399, 100_000)).toEqual([1]);
    expect(pagesForRange(99_980, 99_999, 100_000)).toEqual([499]);
  });

  it("stops at the last row", () => {
    expect(pagesForRange(0, 500, 250)).toEqual([0, 1]);
    expect(pagesForRange(0, 10, 0)).toEqual([]);
    expect(pagesForRange(300, 320, 250)).toEqual([]);
  });

  it("works before the total is known and with other page sizes", () => {
    expect(pagesForRange(0, 0, null)).toEqual([0]);
    expect(pagesForRange(45, 105, null, 50)).toEqual([0, 1, 2]);
    expect(pagesForRange(-5, 3, null, 50)).toEqual([0]);
  });
});

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `row ${from + i}`);

describe("PageCache", () => {
  it("serves rows by absolute index once their page has arrived", () => {
    const c = new PageCache<string>(200);
    const gen = c.reset();
    expect(c.rowAt(5)).toBeUndefined();
    expect(c.total).toBeNull();
    expect(c.accept(gen, 1, rows(200, 200), 1000)).toBe(true);
    expect(c.total).toBe(1000);
    expect(c.rowAt(205)).toBe("row 205");
    expect(c.rowAt(5)).toBeUndefined();
    expect(c.rowAt(1000)).toBeUndefined();
  });

  it("asks for each page once", () => {
    const c = new PageCache<string>(200);
    const gen = c.reset();
    expect(c.claim([0, 1])).toEqual([0, 1]);
    expect(c.claim([0, 1, 2])).toEqual([2]);
    c.accept(gen, 0, rows(0, 200), 1000);
    expect(c.claim([0])).toEqual([]);
    c.fail(gen, 1);
    expect(c.claim([1])).toEqual([1]);
  });

  it("drops answers for an older query", () => {
    const c = new PageCache<string>(200);
    const old = c.reset();
    c.claim([0]);
    const current = c.reset();
    expect(c.accept(old, 0, ["stale"], 1)).toBe(false);
    expect(c.rowAt(0)).toBeUndefined();
    expect(c.total).toBeNull();
    // The new query can claim the same page again.
    expect(c.claim([0])).toEqual([0]);
    expect(c.accept(current, 0, ["fresh"], 1)).toBe(true);
    expect(c.rowAt(0)).toBe("fresh");
  });

  it("keeps showing the previous rows until the new query answers", () => {
    const c = new PageCache<string>(200);
    const first = c.reset();
    c.accept(first, 0, rows(0, 200), 5000);
    const second = c.reset();
    expect(c.showingStale).toBe(true);
    expect(c.rowAt(3)).toBe("row 3");
    expect(c.total).toBe(5000);
    c.accept(second, 0, ["only match"], 1);
    expect(c.showingStale).toBe(false);
    expect(c.total).toBe(1);
    expect(c.rowAt(0)).toBe("only match");
    expect(c.rowAt(3)).toBeUndefined();
  });

  it("can start empty instead of showing old rows", () => {
    const c = new PageCache<string>(200);
    c.accept(c.reset(), 0, rows(0, 200), 5000);
    c.reset(false);
    expect(c.rowAt(3)).toBeUndefined();
    expect(c.total).toBeNull();
  });

  it("keeps memory bounded by dropping the farthest pages", () => {
    const c = new PageCache<string>(10, 3);
    const gen = c.reset();
    for (const p of [0, 1, 2]) c.accept(gen, p, rows(p * 10, 10), 1000);
    c.accept(gen, 50, rows(500, 10), 1000);
    expect(c.loadedPages).toEqual([1, 2, 50]);
    c.accept(gen, 3, rows(30, 10), 1000);
    expect(c.loadedPages).toEqual([1, 2, 3]);
    expect(c.has(50)).toBe(false);
  });
});
