// The money columns' data: asked for after the rows, for the ids of a block
// of rows at a time, and kept per partner id (a new search or sort shows the
// same partners' money again without asking). Pure logic, no React.

import type { ColumnId } from "./columns";
import { viewWidths, type MoneyView } from "./moneyView";

/** Rows are asked for in blocks of this many (a block lies within one page of rows). */
export const MONEY_BLOCK = 100;

/** The blocks of rows `first`..`last` (inclusive), within `total` rows. */
export function blocksForRange(first: number, last: number, total: number, block = MONEY_BLOCK): [number, number][] {
  const max = Math.min(last, total - 1);
  const lo = Math.max(0, first);
  const out: [number, number][] = [];
  for (let b = Math.floor(lo / block); b * block <= max; b++) out.push([b * block, Math.min((b + 1) * block, total) - 1]);
  return out;
}

export class MoneyCache {
  private views = new Map<number, MoneyView>();
  /** What was known before the last reset, shown until asked again (no flash after an edit). */
  private stale = new Map<number, MoneyView>();
  private pending = new Set<number>();
  private failed = new Set<number>();
  private gen = 0;
  /** The widest value seen in each fitted column, in ch: columns only grow, so rows don't jump. */
  readonly widest: Partial<Record<ColumnId, number>> = {};

  constructor(readonly maxSize = 5000) {}

  get generation(): number {
    return this.gen;
  }

  /** The partner's money; undefined while not known, null when asking failed. */
  get(id: number): MoneyView | null | undefined {
    return this.views.get(id) ?? this.stale.get(id) ?? (this.failed.has(id) ? null : undefined);
  }

  /** Of `ids`, those neither known, being asked for, nor failed; marks them asked for. */
  claim(ids: number[]): number[] {
    const todo = ids.filter((id) => !this.views.has(id) && !this.pending.has(id) && !this.failed.has(id));
    todo.forEach((id) => this.pending.add(id));
    return todo;
  }

  /** Stores an answer; false (storing nothing) when it was asked before a reset. */
  accept(generation: number, asked: number[], views: Map<number, MoneyView>): boolean {
    if (generation !== this.gen) return false;
    for (const id of asked) {
      this.pending.delete(id);
      const v = views.get(id);
      if (!v) {
        this.failed.add(id);
        continue;
      }
      this.views.delete(id);
      this.views.set(id, v);
      this.stale.delete(id);
      for (const [col, w] of Object.entries(viewWidths(v)) as [ColumnId, number][]) {
        if (w > (this.widest[col] ?? 0)) this.widest[col] = w;
      }
    }
    // Bounded: the longest known go first.
    for (const id of this.views.keys()) {
      if (this.views.size <= this.maxSize) break;
      this.views.delete(id);
    }
    return true;
  }

  /** Asking failed: those ids show nothing until the next reset. */
  fail(generation: number, asked: number[]): void {
    if (generation !== this.gen) return;
    for (const id of asked) {
      this.pending.delete(id);
      this.failed.add(id);
    }
  }

  /** Money may have changed: the next look asks again (showing the old values meanwhile). */
  reset(): void {
    this.gen += 1;
    this.stale = this.views;
    this.views = new Map();
    this.pending = new Set();
    this.failed = new Set();
  }
}
