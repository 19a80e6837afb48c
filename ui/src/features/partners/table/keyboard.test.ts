import { describe, expect, it } from "vitest";
import { actionForKey, INITIAL_NAV, navigate, type NavAction, type NavState } from "./keyboard";

const ctx = { rowCount: 100, pageRows: 10 };
const run = (actions: NavAction[], start: NavState = INITIAL_NAV, c = ctx) => actions.reduce((s, a) => navigate(s, a, c), start);

describe("navigate", () => {
  it("starts at the first row on the first move", () => {
    expect(run([{ type: "down" }]).selected).toBe(0);
    expect(run([{ type: "up" }]).selected).toBe(0);
  });

  it("moves by one and stops at the ends", () => {
    expect(run([{ type: "down" }, { type: "down" }, { type: "down" }]).selected).toBe(2);
    expect(run([{ type: "down" }, { type: "up" }, { type: "up" }]).selected).toBe(0);
    expect(run([{ type: "end" }, { type: "down" }]).selected).toBe(99);
  });

  it("pages by the visible row count", () => {
    expect(run([{ type: "down" }, { type: "pageDown" }]).selected).toBe(10);
    expect(run([{ type: "pageDown" }]).selected).toBe(9);
    expect(run([{ type: "select", index: 95 }, { type: "pageDown" }]).selected).toBe(99);
    expect(run([{ type: "select", index: 25 }, { type: "pageUp" }]).selected).toBe(15);
    expect(run([{ type: "select", index: 5 }, { type: "pageUp" }]).selected).toBe(0);
  });

  it("jumps home and end", () => {
    expect(run([{ type: "select", index: 50 }, { type: "home" }]).selected).toBe(0);
    expect(run([{ type: "end" }]).selected).toBe(99);
  });

  it("opens only with a selection, and closes", () => {
    expect(run([{ type: "open" }]).open).toBe(false);
    const opened = run([{ type: "down" }, { type: "open" }]);
    expect(opened).toEqual({ selected: 0, open: true });
    expect(navigate(opened, { type: "close" }, ctx)).toEqual({ selected: 0, open: false });
  });

  it("keeps the panel open while moving", () => {
    expect(run([{ type: "down" }, { type: "open" }, { type: "down" }])).toEqual({ selected: 1, open: true });
  });

  it("selects nothing in an empty table", () => {
    const empty = { rowCount: 0, pageRows: 10 };
    expect(run([{ type: "down" }], INITIAL_NAV, empty).selected).toBeNull();
    expect(run([{ type: "end" }, { type: "open" }], INITIAL_NAV, empty)).toEqual(INITIAL_NAV);
  });

  it("clamps a selection beyond a shrunken list", () => {
    expect(navigate({ selected: 80, open: false }, { type: "down" }, { rowCount: 5, pageRows: 10 }).selected).toBe(4);
  });
});

describe("actionForKey", () => {
  it("maps arrows, vim keys, paging, Enter and Esc", () => {
    expect(actionForKey("ArrowDown")).toEqual({ type: "down" });
    expect(actionForKey("j")).toEqual({ type: "down" });
    expect(actionForKey("ArrowUp")).toEqual({ type: "up" });
    expect(actionForKey("k")).toEqual({ type: "up" });
    expect(actionForKey("PageDown")).toEqual({ type: "pageDown" });
    expect(actionForKey("PageUp")).toEqual({ type: "pageUp" });
    expect(actionForKey("Home")).toEqual({ type: "home" });
    expect(actionForKey("End")).toEqual({ type: "end" });
    expect(actionForKey("Enter")).toEqual({ type: "open" });
    expect(actionForKey("Escape")).toEqual({ type: "close" });
  });

  it("ignores other keys and modified ones", () => {
    expect(actionForKey("x")).toBeNull();
    expect(actionForKey("J")).toBeNull();
    expect(actionForKey("j", { ctrl: true })).toBeNull();
    expect(actionForKey("ArrowDown", { meta: true })).toBeNull();
  });
});
