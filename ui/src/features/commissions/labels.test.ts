import { describe, expect, it } from "vitest";
import { canDecline, isVoid, kindLabel, kindTone, STATE_LABELS, stateLabel, STATES, stateTone } from "./labels";

describe("commission states", () => {
  it("names each state in words", () => {
    expect(STATES.map(stateLabel)).toEqual(["Pending", "Approved", "In payout", "Paid", "Declined", "Reversed"]);
    expect(Object.keys(STATE_LABELS)).toHaveLength(6);
    expect(stateLabel("on_hold")).toBe("On hold");
  });

  it("colours states like the rest of the app", () => {
    expect(stateTone("pending")).toBe("amber");
    expect(stateTone("approved")).toBe("blue");
    expect(stateTone("in_payout")).toBe("indigo");
    expect(stateTone("paid")).toBe("green");
    expect(stateTone("declined")).toBe("grey");
    expect(stateTone("reversed")).toBe("grey");
  });

  it("declines only what no payout has claimed", () => {
    expect(STATES.filter(canDecline)).toEqual(["pending", "approved"]);
    expect(STATES.filter(isVoid)).toEqual(["declined", "reversed"]);
  });
});

describe("commission kinds", () => {
  it("names and colours kinds", () => {
    expect(kindLabel("two_tier")).toBe("Two-tier");
    expect(kindLabel("clawback")).toBe("Clawback");
    expect(kindLabel("adjustment")).toBe("Adjustment");
    expect(kindTone("reversal")).toBe("red");
    expect(kindTone("clawback")).toBe("red");
    expect(kindTone("bonus")).toBe("violet");
    expect(kindTone("commission")).toBe("grey");
  });
});
