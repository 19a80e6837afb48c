import { describe, expect, it } from "vitest";
import { canDecline, isReinstated, isVoid, kindLabel, kindTitle, kindTone, REINSTATED_TITLE, STATE_LABELS, stateLabel, STATES, stateTone } from "./labels";

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

describe("reinstated lines", () => {
  const usd = (minor: number) => ({ minor, currency: "USD" as const });

  it("names a positive reversal or clawback as money given back, in green", () => {
    for (const kind of ["reversal", "clawback"]) {
      expect(isReinstated(kind, usd(3000))).toBe(true);
      expect(kindLabel(kind, usd(3000))).toBe("Reinstated");
      expect(kindTone(kind, usd(3000))).toBe("green");
      expect(kindTitle(kind, usd(3000))).toBe(REINSTATED_TITLE);
    }
    expect(REINSTATED_TITLE).toBe("A chargeback was reversed (dispute won): the commission it took is given back");
  });

  it("keeps the kind's own name for negative, zero, held or unknown amounts", () => {
    expect(kindLabel("reversal", usd(-3000))).toBe("Reversal");
    expect(kindLabel("clawback", usd(-3000))).toBe("Clawback");
    expect(kindTone("reversal", usd(-3000))).toBe("red");
    expect(kindLabel("reversal", usd(0))).toBe("Reversal");
    expect(kindLabel("reversal", null)).toBe("Reversal");
    expect(kindLabel("clawback")).toBe("Clawback");
    expect(kindTitle("reversal", usd(-3000))).toBeUndefined();
    // Only reversals and clawbacks: a positive commission or bonus is just that.
    expect(kindLabel("commission", usd(3000))).toBe("Commission");
    expect(kindTone("bonus", usd(3000))).toBe("violet");
  });
});
