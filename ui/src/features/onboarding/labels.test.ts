import { describe, expect, it } from "vitest";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { Step } from "../../bindings/Step";
import { columns, missingText, remindText, waitingText } from "./labels";

function row(id: number, name: string, stuck: Step | null, days: number | null): OnboardingRow {
  const order: Step[] = ["terms", "tax_form", "payout_details", "welcome_kit"];
  const from = stuck === null ? 4 : order.indexOf(stuck);
  return {
    partner_id: id,
    name,
    email: "",
    approved_at: "2026-03-01",
    steps: order.map((step, i) => ({ step, done: i < from, detail: i < from ? "ok" : `${step} missing` })),
    complete: stuck === null,
    stuck_on: stuck,
    days_waiting: stuck === null ? null : days,
    reminded_at: null,
  };
}

describe("onboarding board", () => {
  it("puts partners under the step they are stuck on, longest waiting first", () => {
    const rows = [row(1, "Ana", "terms", 3), row(2, "Bea", "terms", 12), row(3, "Cid", "welcome_kit", 1), row(4, "Dan", null, null)];
    const cols = columns(rows, false);
    expect(cols.map((c) => c.label)).toEqual(["Terms", "Tax form", "Payout details", "Welcome kit"]);
    expect(cols[0].rows.map((r) => r.name)).toEqual(["Bea", "Ana"]);
    expect(cols[3].rows.map((r) => r.name)).toEqual(["Cid"]);
    const all = columns(rows, true);
    expect(all[4]).toMatchObject({ key: "done", label: "Done" });
    expect(all[4].rows.map((r) => r.name)).toEqual(["Dan"]);
  });

  it("says how long they wait and what is missing", () => {
    expect(waitingText(0)).toBe("approved today");
    expect(waitingText(1)).toBe("waiting 1 day");
    expect(waitingText(12)).toBe("waiting 12 days");
    expect(waitingText(null)).toBe("");
    expect(missingText(row(1, "Ana", "tax_form", 3))).toBe("tax_form missing · 2 more to do");
    expect(missingText(row(1, "Ana", "welcome_kit", 3))).toBe("welcome_kit missing");
    expect(missingText(row(1, "Ana", null, null))).toBe("All done");
  });

  it("says how many reminders were queued", () => {
    expect(remindText(3)).toBe("3 reminders queued in the Outbox");
    expect(remindText(1)).toBe("1 reminder queued in the Outbox");
    expect(remindText(0)).toMatch(/^No reminder queued/);
  });
});
