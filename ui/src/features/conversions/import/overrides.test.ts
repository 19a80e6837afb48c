import { describe, expect, it } from "vitest";
import type { PresetFit } from "../../../bindings/PresetFit";
import { buildMapping, checkOverrides, effectiveColumns, missingRequired, rowsWithIssues } from "./overrides";

const headers = ["Order", "When", "Total", "Ref", "Promo"];
const fields = ["external_id", "occurred_at", "amount", "referral_code", "coupon_code"];

const generic: PresetFit = {
  preset: "generic",
  columns: [{ header: "Total", field: "amount" }],
  missing: ["external_id", "occurred_at"],
};

describe("buildMapping", () => {
  it("writes COLUMN=FIELD for each finished choice", () => {
    expect(
      buildMapping([
        { header: "Ref", field: "referral_code" },
        { header: " Order ", field: "external_id" },
      ]),
    ).toEqual(["Ref=referral_code", "Order=external_id"]);
  });

  it("leaves out choices not finished yet", () => {
    expect(buildMapping([{ header: "Ref", field: "" }, { header: "", field: "amount" }])).toEqual([]);
  });

  it("keeps headers holding '=' whole (the core splits at the last one)", () => {
    expect(buildMapping([{ header: "a=b", field: "amount" }])).toEqual(["a=b=amount"]);
  });
});

describe("checkOverrides", () => {
  it("accepts distinct columns read as distinct fields", () => {
    expect(
      checkOverrides(
        [
          { header: "Ref", field: "referral_code" },
          { header: "Promo", field: "coupon_code" },
        ],
        headers,
        fields,
      ),
    ).toEqual([]);
  });

  it("refuses a column mapped twice, whatever its case", () => {
    const issues = checkOverrides(
      [
        { header: "Ref", field: "referral_code" },
        { header: "ref", field: "coupon_code" },
      ],
      headers,
      fields,
    );
    expect(issues).toEqual([{ rows: [0, 1], message: 'column "ref" is mapped twice' }]);
    expect(rowsWithIssues(issues)).toEqual(new Set([0, 1]));
  });

  it("refuses two columns read as the same field", () => {
    const issues = checkOverrides(
      [
        { header: "Ref", field: "referral_code" },
        { header: "Promo", field: "referral_code" },
      ],
      headers,
      fields,
    );
    expect(issues.map((i) => i.message)).toEqual(['columns "Ref" and "Promo" are both read as referral code']);
  });

  it("refuses unknown columns and fields, and ignores unfinished rows", () => {
    expect(checkOverrides([{ header: "Nope", field: "amount" }], headers, fields)[0].message).toBe('the file has no column "Nope"');
    expect(checkOverrides([{ header: "Ref", field: "shoe" }], headers, fields)[0].rows).toEqual([0]);
    expect(checkOverrides([{ header: "Ref", field: "" }, { header: "Ref", field: "" }], headers, fields)).toEqual([]);
  });
});

describe("required fields", () => {
  it("lists the preset's missing fields until a column is read as each", () => {
    expect(missingRequired(generic, [])).toEqual(["external_id", "occurred_at"]);
    expect(missingRequired(generic, [{ header: "Order", field: "external_id" }])).toEqual(["occurred_at"]);
    expect(missingRequired(generic, [{ header: "When", field: "" }])).toEqual(["external_id", "occurred_at"]);
    expect(
      missingRequired(generic, [
        { header: "Order", field: "external_id" },
        { header: "When", field: "occurred_at" },
      ]),
    ).toEqual([]);
  });
});

describe("effectiveColumns", () => {
  it("replaces the preset's column for an overridden field, in file order", () => {
    const fit: PresetFit = { preset: "stripe", columns: [{ header: "Total", field: "amount" }, { header: "Promo", field: "coupon_code" }], missing: [] };
    expect(effectiveColumns(fit, [{ header: "ref", field: "coupon_code" }, { header: "Order", field: "external_id" }], headers)).toEqual([
      { header: "Order", field: "external_id", overridden: true },
      { header: "Total", field: "amount", overridden: false },
      { header: "Ref", field: "coupon_code", overridden: true },
    ]);
  });
});
