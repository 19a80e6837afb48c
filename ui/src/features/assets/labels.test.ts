import { describe, expect, it } from "vitest";
import { addedText, formatBytes, sizeText } from "./labels";
import { parseSize, toQuery, DEFAULT_FILTERS } from "./query";

describe("asset labels", () => {
  it("formats bytes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(150 * 1024)).toBe("150 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });

  it("shows an image's size with a times sign", () => {
    const v = { version: 1, sha256: "a", file_name: "b.png", size: 1, mime: "image/png", width: 300, height: 250, added_at: "" };
    expect(sizeText(v)).toBe("300×250");
    expect(sizeText({ ...v, width: null, height: null })).toBe("");
  });

  it("says what was added", () => {
    expect(addedText({ added: [1, 2, 3], deduplicated: 1, bytes_stored: 2048 })).toBe("Added 3 files (1 already in the book), 2.0 KB stored.");
    expect(addedText({ added: [4], deduplicated: 0, bytes_stored: 10 })).toBe("Added 1 file, 10 B stored.");
  });
});

describe("asset query", () => {
  it("reads sizes typed either way", () => {
    expect(parseSize("")).toBeNull();
    expect(parseSize("300x250")).toBe("300x250");
    expect(parseSize(" 728 × 90 ")).toBe("728x90");
    expect(parseSize("big")).toBeUndefined();
  });

  it("turns filters into the query, leaving out what is empty or not a size", () => {
    expect(toQuery(DEFAULT_FILTERS)).toEqual({ kind: null, tag: null, group_id: null, size: null, text: null, archived: false });
    expect(toQuery({ kind: "banner", tag: " summer ", groupId: 5, size: "300X250", text: "sale", archived: true })).toEqual({
      kind: "banner",
      tag: "summer",
      group_id: 5,
      size: "300x250",
      text: "sale",
      archived: true,
    });
    expect(toQuery({ ...DEFAULT_FILTERS, size: "30" }).size).toBeNull();
  });
});
