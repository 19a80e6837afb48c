import { describe, expect, it } from "vitest";
import { nextAfterDecision, queueKeyAction } from "./keyboard";

describe("queueKeyAction", () => {
  it("maps the review keys", () => {
    expect(queueKeyAction("j")).toBe("down");
    expect(queueKeyAction("ArrowDown")).toBe("down");
    expect(queueKeyAction("k")).toBe("up");
    expect(queueKeyAction("a")).toBe("approve");
    expect(queueKeyAction("r")).toBe("reject");
    expect(queueKeyAction("x")).toBe("check");
    expect(queueKeyAction("Escape")).toBe("close");
    expect(queueKeyAction("q")).toBeNull();
  });

  it("leaves shortcuts with modifiers to the system", () => {
    expect(queueKeyAction("a", { meta: true })).toBeNull();
    expect(queueKeyAction("r", { ctrl: true })).toBeNull();
    expect(queueKeyAction("j", { alt: true })).toBeNull();
  });
});

describe("nextAfterDecision", () => {
  it("moves on to the next row still to decide", () => {
    expect(nextAfterDecision([1, 2, 3, 4], 2, [2])).toBe(3);
    expect(nextAfterDecision([1, 2, 3, 4], 2, [2, 3])).toBe(4);
  });

  it("goes back when the last rows were decided, and to nothing when all were", () => {
    expect(nextAfterDecision([1, 2, 3], 3, [3])).toBe(2);
    expect(nextAfterDecision([1, 2], 2, [1, 2])).toBeNull();
    expect(nextAfterDecision([1, 2], null, [1])).toBeNull();
  });
});
