import { describe, expect, it } from "vitest";
import type { ResourceReport } from "../../bindings/ResourceReport";
import type { ScreenedSync } from "../../bindings/ScreenedSync";
import { keptLabel, noKeysText, runSummary, sessionKeysText, skippedReasons, skippedTotal, syncErrorText } from "./labels";

const res = (over: Partial<ResourceReport>): ResourceReport => ({
  resource: "partners",
  pages: 1,
  fetched: 0,
  added: 0,
  changed: 0,
  unchanged: 0,
  skipped: {},
  conflicts: 0,
  ...over,
});

const report = (over: Partial<ScreenedSync>): ScreenedSync => ({
  risk: null,
  connection: "partnerstack",
  platform: "partnerstack",
  dry_run: false,
  resources: [],
  requests: 3,
  waited_ms: 0,
  commissions_computed: 0,
  ...over,
});

describe("sync labels", () => {
  it("counts and words the records left out, largest first; a reason without records reads alone", () => {
    const r = res({ skipped: { "a test partner (gstest)": 1, "archived on the platform": 3, "the program has none (the platform has no such list)": 0 } });
    expect(skippedTotal(r)).toBe(4);
    expect(skippedReasons(r)).toEqual([
      "3 archived on the platform",
      "1 a test partner (gstest)",
      "the program has none (the platform has no such list)",
    ]);
  });

  it("sums a run up over its resources", () => {
    const resources = [
      res({ resource: "partners", added: 12, changed: 2, skipped: { "a test partner (gstest)": 1 } }),
      res({ resource: "transactions", added: 1200, skipped: { "a test transaction (made with test keys)": 1 }, conflicts: 1 }),
    ];
    expect(runSummary(report({ resources, commissions_computed: 1200 }))).toBe(
      "Synced partnerstack: 1,212 added, 2 changed, 2 skipped, 1 new conflict. Commissions computed for 1,200 sales.",
    );
    expect(runSummary(report({ resources, dry_run: true }))).toBe(
      "Dry run of partnerstack: a sync now would give 1,212 added, 2 changed, 2 skipped, 1 new conflict. Nothing was written.",
    );
    expect(runSummary(report({ resources: [res({})] }))).toBe("Synced partnerstack: 0 added, 0 changed, 0 skipped, no new conflicts.");
  });

  it("says which value a conflict kept", () => {
    expect(keptLabel("platform")).toBe("Platform's");
    expect(keptLabel("ours")).toBe("Ours");
  });

  it("says where keys come from when a connection has none, per platform", () => {
    expect(noKeysText("ps", "partnerstack", "settings")).toBe(
      "No keys for ps: enter them with \u201cReplace keys\u201d, or set PARTNERBOOK_PARTNERSTACK_PUBLIC_KEY and PARTNERBOOK_PARTNERSTACK_SECRET_KEY before starting Partnerbook.",
    );
    expect(noKeysText("rw", "rewardful", "sync")).toBe(
      "No keys for rw: enter them with \u201cReplace keys\u201d in Settings \u203a Connections, or set PARTNERBOOK_REWARDFUL_SECRET_KEY before starting Partnerbook.",
    );
    expect(sessionKeysText("no Secret Service")).toMatch(/^No system keychain is available \(no Secret Service\)\. The keys are kept only until Partnerbook closes/);
  });

  it("words a refusal: the keys' own message as it is, other fields with their label", () => {
    expect(syncErrorText({ code: "invalid_input", message: "PartnerStack refused the keys (HTTP 401)", field: "keys" })).toBe(
      "PartnerStack refused the keys (HTTP 401).",
    );
    expect(syncErrorText({ code: "invalid_input", message: "use an http:// or https:// address", field: "base_url" })).toBe(
      "Base URL: use an http:// or https:// address.",
    );
    expect(syncErrorText({ code: "invalid_input", message: "Rewardful answered HTTP 503", field: null })).toBe("Rewardful answered HTTP 503.");
  });
});
