import { describe, expect, it } from "vitest";
import { keyAction, moveSelection } from "./keyboard";

describe("table keys", () => {
  it("maps arrows, j/k, Enter and Esc", () => {
    expect(keyAction("ArrowDown")).toBe("down");
    expect(keyAction("j")).toBe("down");
    expect(keyAction("k")).toBe("up");
    expect(keyAction("Enter")).toBe("open");
    expect(keyAction("Escape")).toBe("close");
    expect(keyAction("j", { ctrl: true })).toBeNull();
    expect(keyAction("x")).toBeNull();
  });

  it("moves by id within the page, stopping at the ends", () => {
    const ids = [30, 20, 10];
    expect(moveSelection(ids, null, "down")).toBe(30);
    expect(moveSelection(ids, 30, "down")).toBe(20);
    expect(moveSelection(ids, 10, "down")).toBe(10);
    expect(moveSelection(ids, 30, "up")).toBe(30);
    expect(moveSelection(ids, 99, "up")).toBe(30);
    expect(moveSelection(ids, 20, "last")).toBe(10);
    expect(moveSelection([], null, "down")).toBeNull();
  });
});
