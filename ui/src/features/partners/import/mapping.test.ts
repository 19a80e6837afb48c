import { describe, expect, it } from "vitest";
import { checkMapping, columnsWithIssues, customKeyFor, FIELD_OPTIONS, targetLabel } from "./mapping";

const headers = ["Full name", "E-mail", "Company", "Shoe size"];

describe("checkMapping", () => {
  it("accepts a mapping with an email and a name", () => {
    expect(checkMapping(headers, ["name", "email", "company", "custom:shoe_size"])).toEqual([]);
  });

  it("accepts first or last name as the name", () => {
    expect(checkMapping(["First", "Mail"], ["first_name", "email"])).toEqual([]);
    expect(checkMapping(["Last", "Mail"], ["last_name", "email"])).toEqual([]);
  });

  it("refuses a target used twice, naming both columns", () => {
    const issues = checkMapping(headers, ["name", "email", "email", "ignore"]);
    expect(issues).toEqual([{ columns: [1, 2], message: 'columns "E-mail" and "Company" both map to email' }]);
    expect(columnsWithIssues(issues)).toEqual(new Set([1, 2]));
  });

  it("refuses the same custom key twice but allows many ignored columns", () => {
    expect(checkMapping(["a", "b", "c", "d", "e"], ["name", "email", "custom:x", "custom: x", "ignore"])).toHaveLength(1);
    expect(checkMapping(["a", "b", "c", "d"], ["name", "email", "ignore", "ignore"])).toEqual([]);
    expect(checkMapping(["a", "b", "c"], ["name", "email", ""])).toEqual([]);
  });

  it("requires an email column", () => {
    expect(checkMapping(headers, ["name", "ignore", "company", "ignore"], "people.csv")).toEqual([
      { columns: [], message: "people.csv: no column is mapped to email" },
    ]);
  });

  it("requires a name column", () => {
    expect(checkMapping(headers, ["company", "email", "ignore", "ignore"], "people.csv").map((i) => i.message)).toEqual([
      "people.csv: no column is mapped to name",
    ]);
  });

  it("reports everything wrong at once", () => {
    expect(checkMapping(["a", "b"], ["company", "company"]).map((i) => i.message)).toEqual([
      'columns "a" and "b" both map to company',
      "the file: no column is mapped to email",
      "the file: no column is mapped to name",
    ]);
  });

  it("refuses unknown fields and empty custom keys", () => {
    expect(checkMapping(["a", "b", "c"], ["name", "email", "shoe"])[0].message).toBe('column "c": unknown field "shoe"');
    expect(checkMapping(["a", "b", "c"], ["name", "email", "custom:"])[0].columns).toEqual([2]);
  });

  it("refuses a mapping of the wrong length", () => {
    expect(checkMapping(["a", "b"], ["name"], "x.csv")[0].message).toBe("x.csv has 2 columns but the mapping names 1");
  });
});

describe("helpers", () => {
  it("makes custom keys from headers", () => {
    expect(customKeyFor("Shoe Size")).toBe("shoe_size");
    expect(customKeyFor("  T-shirt (EU) ")).toBe("t_shirt_eu");
    expect(customKeyFor("Größe")).toBe("größe");
    expect(customKeyFor("???")).toBe("field");
  });

  it("labels targets", () => {
    expect(targetLabel("ignore")).toBe("Not imported");
    expect(targetLabel("custom:size")).toBe("Custom field “size”");
    expect(targetLabel("parent_email")).toBe("Parent partner's email");
  });

  it("offers every partner field the core knows", () => {
    expect(FIELD_OPTIONS.map((f) => f.value)).toContain("tax_form_expires");
    expect(FIELD_OPTIONS.find((f) => f.value === "tin")?.label).toBe("TIN");
    expect(FIELD_OPTIONS.find((f) => f.value === "address")?.label).toBe("Postal address");
    expect(FIELD_OPTIONS).toHaveLength(28);
  });
});
