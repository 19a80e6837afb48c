import { describe, expect, it } from "vitest";
import { addressLines } from "./postalAddress";

describe("addressLines", () => {
  it("keeps each line, trimmed, and drops blank ones", () => {
    expect(addressLines("  Rua Augusta 12 \r\n\n01305-000 São Paulo\n  \nBrazil\n")).toEqual(["Rua Augusta 12", "01305-000 São Paulo", "Brazil"]);
  });

  it("has no lines for an empty address", () => {
    expect(addressLines("")).toEqual([]);
    expect(addressLines(" \n ")).toEqual([]);
  });
});
