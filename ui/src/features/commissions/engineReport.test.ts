import { describe, expect, it } from "vitest";
import { engineSummary, fxMessage, recomputeMessage } from "./engineReport";

const none = { conversions: 0, lines: 0, held: 0, reversals: 0, clawbacks: 0, reinstated: 0, bonuses: 0, adjustments: 0, net: null };

describe("engine reports in words", () => {
  it("counts lines and only the extras that happened", () => {
    expect(engineSummary({ ...none, lines: 1 })).toBe("1 commission line");
    expect(engineSummary({ conversions: 9, lines: 1204, held: 3, reversals: 1, clawbacks: 2, reinstated: 0, bonuses: 2, adjustments: 0, net: null })).toBe(
      "1,204 commission lines (3 held, 1 reversal, 2 clawbacks, 2 bonuses)",
    );
    expect(engineSummary({ ...none, lines: 3, net: { minor: 123450, currency: "USD" } })).toBe("3 commission lines worth $1,234.50");
    expect(engineSummary({ ...none, lines: 2, adjustments: 1 })).toBe("2 commission lines (1 month adjustment)");
    expect(engineSummary({ ...none, lines: 3, reversals: 1, clawbacks: 1, reinstated: 2 })).toBe("3 commission lines (1 reversal, 1 clawback, 2 reinstated)");
  });

  it("writes the recompute and FX toasts", () => {
    expect(recomputeMessage(none)).toBe("Nothing was waiting to be computed.");
    expect(recomputeMessage({ ...none, conversions: 12, lines: 14, held: 2 })).toBe("Recomputed 12 conversions: 14 commission lines (2 held).");
    expect(fxMessage({ rates: 1230, days: 30, skipped_currencies: [], dry_run: false }, { ...none, lines: 12 })).toBe("1,230 rates for 30 days; 12 commissions computed.");
    expect(fxMessage({ rates: 1, days: 1, skipped_currencies: [], dry_run: false }, { ...none, lines: 1 })).toBe("1 rate for 1 day; 1 commission computed.");
    expect(fxMessage({ rates: 9, days: 3, skipped_currencies: ["CYP", "EEK"], dry_run: false }, none)).toBe(
      "9 rates for 3 days; 0 commissions computed. Skipped currencies that no longer exist: CYP, EEK.",
    );
  });
});
