// The data behind the virtual table: rows fetched in fixed-size pages by
// offset as the person scrolls. Pure logic, no React, so it can be tested.

export const PAGE_SIZE = 200;

/**
 * The pages that hold rows `first`..`last` (inclusive), within `total` rows
 * when it is known. An empty list when the range is empty.
 */
export function pagesForRange(first: number, last: number, total: number | null, pageSize = PAGE_SIZE): number[] {
  const max = total === null ? last : Math.min(last, total - 1);
  const lo = Math.max(0, first);
  if (max < lo) return [];
  const pages: number[] = [];
  for (let p = Math.floor(lo / pageSize); p <= Math.floor(max / pageSize); p++) pages.push(p);
  return pages;
}

/**
 * Pages of rows for one query at a time. `reset()` starts a new query (a new
 * generation); answers for an older generation are dropped by `accept()`.
 * Until the new query's first page arrives, the old rows stay readable so
 * the table doesn't flash empty while the person types.
 */
export class PageCache<Row> {
  readonly pageSize: number;
  readonly maxPages: number;
  private gen = 0;
  private pages = new Map<number, Row[]>();
  private pending = new Set<number>();
  private stale: { pages: Map<number, Row[]>; total: number | null } | null = null;
  private knownTotal: number | null = null;

  constructor(pageSize = PAGE_SIZE, maxPages = 50) {
    this.pageSize = pageSize;
    this.maxPages = maxPages;
  }

  get generation(): number {
    return this.gen;
  }

  /** Rows matching the query in all; null until the first page arrives. */
  get total(): number | null {
    return this.knownTotal ?? this.stale?.total ?? null;
  }

  /** True while the rows shown belong to the previous query. */
  get showingStale(): boolean {
    return this.stale !== null;
  }

  /** Starts a new query. Returns its generation. */
  reset(keepShowing = true): number {
    if (keepShowing && (this.pages.size > 0 || this.stale)) {
      this.stale = this.pages.size > 0 ? { pages: this.pages, total: this.knownTotal } : this.stale;
    } else {
      this.stale = null;
    }
    this.gen += 1;
    this.pages = new Map();
    this.pending = new Set();
    this.knownTotal = null;
    return this.gen;
  }

  /** Of `pages`, those neither loaded nor being fetched; marks them pending. */
  claim(pages: number[]): number[] {
    const todo = pages.filter((p) => !this.pages.has(p) && !this.pending.has(p));
    todo.forEach((p) => this.pending.add(p));
    return todo;
  }

  /**
   * Stores a fetched page. Returns false (and stores nothing) when the answer
   * belongs to an older query.
   */
  accept(generation: number, page: number, rows: Row[], total: number): boolean {
    if (generation !== this.gen) return false;
    this.pending.delete(page);
    this.pages.set(page, rows);
    this.knownTotal = total;
    this.stale = null;
    this.evict(page);
    return true;
  }

  /** A fetch failed: the page may be asked for again. */
  fail(generation: number, page: number): void {
    if (generation === this.gen) this.pending.delete(page);
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  get loadedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  /** The row at an absolute index, or undefined while its page is not loaded. */
  rowAt(index: number): Row | undefined {
    const source = this.stale && this.pages.size === 0 ? this.stale.pages : this.pages;
    const total = this.total;
    if (index < 0 || (total !== null && index >= total)) return undefined;
    const page = source.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Keeps memory bounded: drops the loaded pages farthest from `around`. */
  private evict(around: number): void {
    while (this.pages.size > this.maxPages) {
      let farthest = around;
      for (const p of this.pages.keys()) {
        if (Math.abs(p - around) > Math.abs(farthest - around)) farthest = p;
      }
      if (farthest === around) return;
      this.pages.delete(farthest);
    }
  }
}
