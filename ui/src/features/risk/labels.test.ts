import { describe, expect, it } from "vitest";
import type { RiskFlag } from "../../bindings/RiskFlag";
import { byPartner, canDecline, scanSummary } from "./labels";

const flag = (id: number, partner: number, sale: number | null, status: RiskFlag["status"] = "open"): RiskFlag => ({
  id,
  check: sale === null ? "refund_spike" : "self_referral",
  severity: "high",
  partner_id: partner,
  partner_name: `P${partner}`,
  conversion_id: sale,
  sale: sale === null ? null : `S${sale}`,
  evidence: "…",
  hold: true,
  status,
  flagged_on: "2026-03-02",
  resolved_at: null,
  reason: null,
  covered_minor: 100,
  currency: "EUR",
});

describe("risk labels", () => {
  it("groups consecutive flags by partner", () => {
    const groups = byPartner([flag(1, 7, 1), flag(2, 7, 2), flag(3, 9, null)]);
    expect(groups.map((g) => [g.name, g.flags.map((f) => f.id)])).toEqual([
      ["P7", [1, 2]],
      ["P9", [3]],
    ]);
  });

  it("declines only open flags on a sale", () => {
    expect(canDecline(flag(1, 7, 1))).toBe(true);
    expect(canDecline(flag(2, 7, null))).toBe(false);
    expect(canDecline(flag(3, 7, 1, "cleared"))).toBe(false);
  });

  it("sums up a scan in a sentence", () => {
    expect(scanSummary({ since: null, raised: [], holding: 0, closed: 0 })).toBe("Nothing new found.");
    expect(
      scanSummary({
        since: null,
        raised: [
          { check: "self_referral", count: 1 },
          { check: "refund_spike", count: 2 },
        ],
        holding: 1,
        closed: 0,
      }),
    ).toBe("3 new flags: 1 self-referral, 2 refund spike. 1 holds commissions until cleared.");
  });
});
