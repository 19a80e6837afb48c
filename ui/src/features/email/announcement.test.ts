import { describe, expect, it } from "vitest";
import { announcementFieldOf, audienceMissing, audienceOf, newAnnouncement, queueLabel, queuedText, reachText } from "./announcement";

describe("announcement audience", () => {
  it("asks about everyone, a chosen group, or a typed tag", () => {
    expect(audienceOf({ kind: "all", groupId: 3, tag: "vip" })).toEqual({ kind: "all" });
    expect(audienceOf({ kind: "group", groupId: 3, tag: "vip" })).toEqual({ kind: "group", id: 3 });
    expect(audienceOf({ kind: "tag", groupId: 3, tag: "  vip " })).toEqual({ kind: "tag", name: "vip" });
  });

  it("waits for a group or a tag, and says which", () => {
    expect(audienceOf({ kind: "group", groupId: null, tag: "" })).toBeNull();
    expect(audienceOf({ kind: "tag", groupId: null, tag: "  " })).toBeNull();
    expect(audienceMissing({ kind: "group", groupId: null, tag: "" })).toBe("Choose a group.");
    expect(audienceMissing({ kind: "tag", groupId: 1, tag: "" })).toBe("Enter a tag.");
    expect(audienceMissing({ kind: "all", groupId: null, tag: "" })).toBeNull();
  });
});

describe("announcement words", () => {
  it("counts partners", () => {
    expect(reachText(0)).toBe("Reaches no active partners");
    expect(reachText(1)).toBe("Reaches 1 active partner");
    expect(reachText(1234)).toBe("Reaches 1,234 active partners");
    expect(queueLabel(12)).toBe("Queue for 12 partners");
    expect(queueLabel(1)).toBe("Queue for 1 partner");
    expect(queueLabel(null)).toBe("Queue for the audience");
    expect(queuedText("Spring news", 3)).toBe("\u201cSpring news\u201d is queued for 3 partners. It is in the Outbox: press Send now there to send it.");
  });

  it("starts from the announcement template, and knows the fields a refusal names", () => {
    const t = { name: "announcement", subject: "News", text_body: "Hello", html_body: "", placeholders: [] };
    expect(newAnnouncement(t)).toEqual({ message: { subject: "News", text_body: "Hello", html_body: "" }, audience: { kind: "all", groupId: null, tag: "" } });
    expect(newAnnouncement(null).message).toEqual({ subject: "", text_body: "", html_body: "" });
    expect(announcementFieldOf("audience")).toBe("audience");
    expect(announcementFieldOf("text_body")).toBe("text_body");
    expect(announcementFieldOf("partner")).toBeNull();
  });
});
