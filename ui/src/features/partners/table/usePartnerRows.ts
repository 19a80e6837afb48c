import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { PartnerPage } from "../../../bindings/PartnerPage";
import type { PartnerQuery } from "../../../bindings/PartnerQuery";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import { PAGE_SIZE, PageCache, pagesForRange } from "./pageCache";

type Fetch = (query: PartnerQuery) => Promise<PartnerPage>;

/**
 * Rows of the partners table for `query` (paging ignored), fetched a page at
 * a time as `ensureRange` reports what is visible. Stale answers are dropped.
 */
export function usePartnerRows(query: PartnerQuery, key: string, fetchPage: Fetch, onError: (e: unknown) => void) {
  const cache = useRef(new PageCache<PartnerRow>(PAGE_SIZE)).current;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [loading, setLoading] = useState(true);
  const queryRef = useRef(query);
  const fetchRef = useRef(fetchPage);
  const errorRef = useRef(onError);
  const lastRange = useRef<[number, number]>([0, 0]);
  queryRef.current = query;
  fetchRef.current = fetchPage;
  errorRef.current = onError;

  const load = useCallback(
    (pages: number[]) => {
      const generation = cache.generation;
      const todo = cache.claim(pages);
      if (todo.length) setLoading(true);
      for (const page of todo) {
        fetchRef
          .current({ ...queryRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
          .then((res) => {
            if (cache.accept(generation, page, res.rows, res.total)) {
              setLoading(false);
              rerender();
            }
          })
          .catch((e) => {
            if (generation !== cache.generation) return;
            cache.fail(generation, page);
            setLoading(false);
            errorRef.current(e);
          });
      }
    },
    [cache],
  );

  const ensureRange = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      load(pagesForRange(first, last, cache.total));
    },
    [cache, load],
  );

  /** Fetches again what is on screen (after an edit or an import). */
  const refresh = useCallback(() => {
    cache.reset(true);
    const [first, last] = lastRange.current;
    load(pagesForRange(first, Math.max(last, first), null));
    rerender();
  }, [cache, load]);

  // A new query: a new generation, starting from the top.
  useEffect(() => {
    cache.reset(true);
    lastRange.current = [0, 0];
    load([0]);
    rerender();
  }, [key, cache, load]);

  return {
    total: cache.total,
    rowAt: (i: number) => cache.rowAt(i),
    ensureRange,
    refresh,
    loading,
    showingStale: cache.showingStale,
  };
}
