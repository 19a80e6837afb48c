import { describe, expect, it } from "vitest";
import { holdReasonText, splitHoldReason } from "./holdReason";

const noPlan =
  "no plan applies to this partner on 2026-03-01: put them or their group on a plan, or date a plan version on or before that day, then compute again";

describe("holdReason", () => {
  it("tells what is missing from what to do", () => {
    expect(splitHoldReason(noPlan)).toEqual({
      missing: "No plan applies to this partner on 2026-03-01",
      todo: "Put them or their group on a plan, or date a plan version on or before that day, then compute again.",
    });
    expect(splitHoldReason("the amount is too large")).toEqual({ missing: "The amount is too large", todo: null });
  });

  it("says the whole reason in sentences", () => {
    expect(holdReasonText("no EUR→USD rate for 2026-03-03: import FX rates, then run again")).toBe(
      "No EUR→USD rate for 2026-03-03. Import FX rates, then run again.",
    );
    expect(holdReasonText("the amount is too large")).toBe("The amount is too large.");
  });
});
