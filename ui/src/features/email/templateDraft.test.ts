import { describe, expect, it } from "vitest";
import { draftOf, insertAt, sameDraft, templateFieldOf } from "./templateDraft";

describe("insertAt", () => {
  it("inserts at the cursor, or in place of the selection", () => {
    expect(insertAt("Hello ,", 6, 6, "{{partner.first_name}}")).toEqual({ value: "Hello {{partner.first_name}},", caret: 28 });
    expect(insertAt("Hi NAME!", 3, 7, "{{partner.name}}")).toEqual({ value: "Hi {{partner.name}}!", caret: 19 });
  });

  it("keeps a cursor past the end at the end", () => {
    expect(insertAt("ab", 9, 12, "X")).toEqual({ value: "abX", caret: 3 });
  });
});

describe("drafts", () => {
  it("compares the three parts and knows their names", () => {
    const t = { name: "statement", subject: "S", text_body: "T", html_body: "", placeholders: [] };
    expect(sameDraft(draftOf(t), { subject: "S", text_body: "T", html_body: "" })).toBe(true);
    expect(sameDraft(draftOf(t), { subject: "S", text_body: "T ", html_body: "" })).toBe(false);
    expect(templateFieldOf("html_body")).toBe("html_body");
    expect(templateFieldOf("partner")).toBeNull();
  });
});
