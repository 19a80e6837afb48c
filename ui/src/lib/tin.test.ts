import { describe, expect, it } from "vitest";
import { W9_TIN_HINT } from "./tin";

describe("W9_TIN_HINT", () => {
  it("gives the SSN and EIN shapes without a digit, on hyphens that do not break", () => {
    expect(W9_TIN_HINT.replaceAll("\u2011", "-")).toBe("An SSN (###-##-####) or an EIN (##-#######)");
    expect(W9_TIN_HINT).not.toMatch(/\d/);
    expect(W9_TIN_HINT).not.toContain("-");
  });
});
