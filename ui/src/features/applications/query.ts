import type { ApplicationQuery } from "../../bindings/ApplicationQuery";
import type { ApplicationStatus } from "../../bindings/ApplicationStatus";
import type { Sort } from "./labels";

export type StatusFilter = ApplicationStatus | "all";

/** The queue's filters as typed: scores stay text until they are scores. */
export type Filters = { status: StatusFilter; minScore: string; maxScore: string; flaggedBy: string; sort: Sort };

export const DEFAULT_FILTERS: Filters = { status: "pending", minScore: "", maxScore: "", flaggedBy: "", sort: "score" };

/** A score typed in a filter: null when empty, undefined when not a whole number from 0 to 100. */
export function parseScore(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 100 ? n : undefined;
}

/** Filters beyond the default status and sort. */
export function hasFilters(f: Filters): boolean {
  return f.minScore.trim() !== "" || f.maxScore.trim() !== "" || f.flaggedBy !== "";
}

/** The query for one page; a score that is not one yet is left out. */
export function toQuery(f: Filters, offset: number, limit: number): ApplicationQuery {
  return {
    status: f.status === "all" ? null : f.status,
    min_score: parseScore(f.minScore) ?? null,
    max_score: parseScore(f.maxScore) ?? null,
    flagged_by: f.flaggedBy || null,
    sort: f.sort,
    limit,
    offset,
  };
}
