import { describe, expect, it } from "vitest";
import type { ScreeningSettings } from "../../bindings/ScreeningSettings";
import { countryCodes, toDraft, toSettings, weightRows } from "./screeningForm";

const settings: ScreeningSettings = {
  weights: { duplicate_email: 60, free_mail: 15, custom_check: 5 },
  target_countries: ["FR", "DE"],
  blocked_countries: [],
  min_audience: 0,
  categories: ["cooking"],
  business_email_only: true,
  own_domains: ["acme.com"],
  auto_approve: { enabled: false, min_score: 80, group_id: null },
};

describe("screening form", () => {
  it("round-trips the settings, with checks missing a weight at 0", () => {
    const draft = toDraft(settings);
    expect(draft.minAudience).toBe("");
    expect(draft.weights.free_mail).toBe("15");
    expect(draft.weights.spam_patterns).toBe("");
    const out = toSettings(draft);
    expect("settings" in out && out.settings).toMatchObject({
      weights: { duplicate_email: 60, free_mail: 15, custom_check: 5, spam_patterns: 0 },
      target_countries: ["FR", "DE"],
      min_audience: 0,
      business_email_only: true,
      auto_approve: { enabled: false, min_score: 80, group_id: null },
    });
  });

  it("lists the known checks first, then the book's own", () => {
    const rows = weightRows(toDraft(settings).weights);
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual({ id: "duplicate_email", label: "Email of an existing partner" });
    expect(rows[14]).toEqual({ id: "custom_check", label: "Custom check" });
  });

  it("refuses weights over 100, a bad audience and a bad auto-approve score", () => {
    const draft = { ...toDraft(settings), minAudience: "lots", autoEnabled: true, autoMinScore: "120" };
    draft.weights = { ...draft.weights, free_mail: "150", own_domain: "x" };
    expect(toSettings(draft)).toEqual({
      errors: {
        weights: { free_mail: "0 to 100 points.", own_domain: "0 to 100 points." },
        minAudience: "A whole number, or empty for no minimum.",
        autoMinScore: "A score from 0 to 100.",
      },
    });
  });

  it("upper-cases country codes once each", () => {
    expect(countryCodes([" fr", "FR", "de ", ""])).toEqual(["FR", "DE"]);
  });
});
