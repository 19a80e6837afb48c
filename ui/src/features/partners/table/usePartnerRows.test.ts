import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { PartnerPage } from "../../../bindings/PartnerPage";
import type { PartnerQuery } from "../../../bindings/PartnerQuery";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import { deferred } from "../../../test/tauri";
import { EMPTY_FILTERS, queryKey, toQuery } from "../query";
import { PAGE_SIZE } from "./pageCache";
import { usePartnerRows } from "./usePartnerRows";

const row = (id: number, name = `P${id}`): PartnerRow => ({
  id,
  name,
  email: `p${id}@example.com`,
  company: "",
  country: "",
  status: "active",
  group_name: null,
  tags: [],
  created_at: "2026-01-01T00:00:00Z",
});

function page(offset: number, total: number, prefix = "P"): PartnerPage {
  const n = Math.max(0, Math.min(PAGE_SIZE, total - offset));
  return { total, offset, rows: Array.from({ length: n }, (_, i) => row(offset + i, `${prefix}${offset + i}`)) };
}

describe("usePartnerRows", () => {
  it("fetches pages of 200 by offset as rows become visible", async () => {
    const fetch = vi.fn(async (q: PartnerQuery) => page(q.offset, 100_000));
    const q = toQuery(EMPTY_FILTERS);
    const { result } = renderHook(() => usePartnerRows(q, queryKey(EMPTY_FILTERS), fetch, vi.fn()));
    await waitFor(() => expect(result.current.total).toBe(100_000));
    expect(fetch.mock.calls.map(([c]) => [c.offset, c.limit])).toContainEqual([0, 200]);

    act(() => result.current.ensureRange(50_100, 50_130));
    await waitFor(() => expect(result.current.rowAt(50_100)?.name).toBe("P50100"));
    expect(fetch.mock.calls.at(-1)![0]).toMatchObject({ offset: 50_000, limit: 200 });

    // Rows already loaded are not fetched again.
    const calls = fetch.mock.calls.length;
    act(() => result.current.ensureRange(50_110, 50_150));
    expect(fetch.mock.calls.length).toBe(calls);
  });

  it("drops the answer of an older query that arrives late", async () => {
    const slow = deferred<PartnerPage>();
    const fast = deferred<PartnerPage>();
    const fetch = vi.fn((q: PartnerQuery) => (q.text === "an" ? slow.promise : fast.promise));
    const onError = vi.fn();
    const filtersA = { ...EMPTY_FILTERS, text: "an" };
    const filtersB = { ...EMPTY_FILTERS, text: "ana" };
    const { result, rerender } = renderHook(({ f }) => usePartnerRows(toQuery(f), queryKey(f), fetch, onError), {
      initialProps: { f: filtersA },
    });
    rerender({ f: filtersB });
    await act(async () => fast.resolve(page(0, 3, "ana-")));
    await waitFor(() => expect(result.current.total).toBe(3));
    await act(async () => slow.resolve(page(0, 50, "an-")));
    expect(result.current.total).toBe(3);
    expect(result.current.rowAt(0)?.name).toBe("ana-0");
    expect(onError).not.toHaveBeenCalled();
  });

  it("keeps the old rows on screen until the new query answers", async () => {
    const next = deferred<PartnerPage>();
    const fetch = vi.fn((q: PartnerQuery) => (q.tag === "vip" ? next.promise : Promise.resolve(page(q.offset, 500, "all-"))));
    const all = EMPTY_FILTERS;
    const vip = { ...EMPTY_FILTERS, tag: "vip" };
    const { result, rerender } = renderHook(({ f }) => usePartnerRows(toQuery(f), queryKey(f), fetch, vi.fn()), {
      initialProps: { f: all },
    });
    await waitFor(() => expect(result.current.total).toBe(500));
    rerender({ f: vip });
    expect(result.current.showingStale).toBe(true);
    expect(result.current.rowAt(0)?.name).toBe("all-0");
    await act(async () => next.resolve(page(0, 2, "vip-")));
    expect(result.current.showingStale).toBe(false);
    expect(result.current.total).toBe(2);
    expect(result.current.rowAt(0)?.name).toBe("vip-0");
  });

  it("reports a failed page and lets it be asked for again", async () => {
    let fail = true;
    const fetch = vi.fn(async (q: PartnerQuery) => {
      if (fail) throw { code: "database", message: "database error: locked", field: null };
      return page(q.offset, 10);
    });
    const onError = vi.fn();
    const { result } = renderHook(() => usePartnerRows(toQuery(EMPTY_FILTERS), "k", fetch, onError));
    await waitFor(() => expect(onError).toHaveBeenCalledWith({ code: "database", message: "database error: locked", field: null }));
    fail = false;
    act(() => result.current.ensureRange(0, 5));
    await waitFor(() => expect(result.current.total).toBe(10));
  });
});
