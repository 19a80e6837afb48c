import { describe, expect, it } from "vitest";
import type { AttributionMethod } from "../../bindings/AttributionMethod";
import { ATTRIBUTION_LABELS, attributionLabel, fieldLabel, fileEvidence, formatStamp, presetLabel } from "./labels";

const blank = { referral_code: "", coupon_code: "", link_id: "", partner_key: "" };

describe("attribution labels", () => {
  it("says how each conversion found its partner in words", () => {
    expect(attributionLabel("referral_code")).toBe("Referral code");
    expect(attributionLabel("coupon")).toBe("Coupon");
    expect(attributionLabel("link")).toBe("Link");
    expect(attributionLabel("partner_key")).toBe("Partner key");
    expect(attributionLabel("customer")).toBe("Customer's partner");
    expect(attributionLabel("original")).toBe("Original sale");
    expect(attributionLabel("touch")).toMatch(/cookie/i);
  });

  it("labels every method the core knows, and words unknown ones", () => {
    const all: AttributionMethod[] = ["referral_code", "coupon", "link", "partner_key", "customer", "touch", "original", "none"];
    for (const m of all) expect(ATTRIBUTION_LABELS[m]).toMatch(/^[A-Z]/);
    expect(attributionLabel("sub_id")).toBe("Sub id");
  });
});

describe("fileEvidence", () => {
  it("quotes what the file held that matched nobody", () => {
    expect(fileEvidence({ ...blank, referral_code: "alice", coupon_code: "SAVE10" })).toBe(
      "referral “alice”, coupon “SAVE10”: no partner has it",
    );
    expect(fileEvidence({ ...blank, link_id: " lnk_9 ", partner_key: "pk_1" })).toBe("link “lnk_9”, partner key “pk_1”: no partner has it");
  });

  it("says when the file held nothing to match", () => {
    expect(fileEvidence({ ...blank, referral_code: "  " })).toBe("No referral, coupon, link or partner key in the file");
  });
});

describe("formatStamp", () => {
  it("shows stored UTC stamps as YYYY-MM-DD HH:MM", () => {
    expect(formatStamp("2026-01-05T09:07:59Z")).toBe("2026-01-05 09:07");
    expect(formatStamp("2026-12-31T23:30:00-02:00")).toBe("2027-01-01 01:30");
  });

  it("keeps plain days and text it cannot read", () => {
    expect(formatStamp("2026-02-28")).toBe("2026-02-28");
    expect(formatStamp("yesterday")).toBe("yesterday");
    expect(formatStamp("")).toBe("");
  });
});

describe("presets and fields", () => {
  it("names presets and fields", () => {
    expect(presetLabel("paypal")).toBe("PayPal activity download");
    expect(presetLabel("generic")).toBe("Generic");
    expect(fieldLabel("occurred_at")).toBe("Date");
    expect(fieldLabel("time_zone")).toBe("Time zone");
    expect(fieldLabel("status")).toBe("Status");
  });
});
