import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, hasFilters, parseScore, toQuery } from "./query";

describe("application query", () => {
  it("reads scores from 0 to 100 only", () => {
    expect(parseScore("")).toBeNull();
    expect(parseScore(" 75 ")).toBe(75);
    expect(parseScore("0")).toBe(0);
    expect(parseScore("101")).toBeUndefined();
    expect(parseScore("7.5")).toBeUndefined();
    expect(parseScore("-1")).toBeUndefined();
  });

  it("asks for pending, best first, by default", () => {
    expect(toQuery(DEFAULT_FILTERS, 0, 100)).toEqual({
      status: "pending",
      min_score: null,
      max_score: null,
      flagged_by: null,
      sort: "score",
      limit: 100,
      offset: 0,
    });
    expect(hasFilters(DEFAULT_FILTERS)).toBe(false);
  });

  it("passes every filter, all statuses as null, and drops a score being typed", () => {
    const f = { status: "all" as const, minScore: "40", maxScore: "1000", flaggedBy: "free_mail", sort: "newest" as const };
    expect(toQuery(f, 200, 100)).toEqual({
      status: null,
      min_score: 40,
      max_score: null,
      flagged_by: "free_mail",
      sort: "newest",
      limit: 100,
      offset: 200,
    });
    expect(hasFilters(f)).toBe(true);
  });
});
