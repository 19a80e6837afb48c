import { describe, expect, it } from "vitest";
import { decisionsFor, outboxStatusLabel, outboxStatusTone, queueReportText, sendReportText, templateLabel, unknownText } from "./labels";

describe("outbox words", () => {
  it("sums up a send and a queueing", () => {
    expect(sendReportText({ sent: 3, failed: 1, deferred: 0, unknown: 0 })).toBe("3 sent, 1 failed, 0 to retry later");
    expect(queueReportText({ queued: 12, already: 3 })).toBe("12 queued (3 were already in the outbox)");
    expect(queueReportText({ queued: 0, already: 1 })).toBe("0 queued (1 was already in the outbox)");
    expect(unknownText(1)).toMatch(/^1 message may or may not have gone: an earlier sending stopped while it was with the server/);
  });

  it("offers only the decisions a status allows", () => {
    const of = (s: Parameters<typeof decisionsFor>[0]) => decisionsFor(s).map((a) => a.decision);
    expect(of("unknown")).toEqual(["mark_sent", "retry"]);
    expect(of("failed")).toEqual(["retry", "cancel"]);
    expect(of("queued")).toEqual(["cancel"]);
    expect(of("sent")).toEqual([]);
    expect(of("sending")).toEqual([]);
  });

  it("names statuses and templates, even ones it does not know", () => {
    expect(outboxStatusLabel("unknown")).toBe("Unknown");
    expect(outboxStatusTone("unknown")).toBe("amber");
    expect(outboxStatusLabel("bounced")).toBe("Bounced");
    expect(templateLabel("statement")).toBe("Statement");
    expect(templateLabel("welcome_pack")).toBe("Welcome pack");
  });
});
