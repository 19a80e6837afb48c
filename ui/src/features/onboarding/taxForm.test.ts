import { describe, expect, it } from "vitest";
import { taxChange, taxFieldOf } from "./taxForm";

describe("tax form", () => {
  it("records a W-9 alone", () => {
    expect(taxChange({ kind: "w9", expires: "2027-01-01", vatId: "X", tin: " " })).toEqual({ change: { tax_form: "w9" } });
  });

  it("sends the TIN of a W-9 or W-8BEN when one is typed", () => {
    expect(taxChange({ kind: "w9", expires: "", vatId: "", tin: " 12-3456789 " })).toEqual({ change: { tax_form: "w9", tin: "12-3456789" } });
    expect(taxChange({ kind: "w8ben", expires: "2029-12-31", vatId: "", tin: "DE 123" })).toEqual({
      change: { tax_form: "w8ben", tax_form_expires: "2029-12-31", tin: "DE 123" },
    });
    expect(taxChange({ kind: "vat", expires: "", vatId: "DE1", tin: "12-3456789" })).toEqual({ change: { tax_form: "vat", vat_id: "DE1" } });
  });

  it("needs the expiry day of a W-8BEN", () => {
    expect(taxChange({ kind: "w8ben", expires: "", vatId: "", tin: "" })).toEqual({ errors: { expires: "Enter the day the W-8BEN expires." } });
    expect(taxChange({ kind: "w8ben", expires: "2029-12-31", vatId: "", tin: "" })).toEqual({
      change: { tax_form: "w8ben", tax_form_expires: "2029-12-31" },
    });
  });

  it("needs the VAT id, written without spaces", () => {
    expect(taxChange({ kind: "vat", expires: "", vatId: "  ", tin: "" })).toEqual({ errors: { vatId: "Enter the VAT id, like DE123456789." } });
    expect(taxChange({ kind: "vat", expires: "", vatId: "de 123 456 789", tin: "" })).toEqual({ change: { tax_form: "vat", vat_id: "DE123456789" } });
  });

  it("maps backend fields to the form's", () => {
    expect(taxFieldOf("vat_id")).toBe("vatId");
    expect(taxFieldOf("tax_form_expires")).toBe("expires");
    expect(taxFieldOf("tin")).toBe("tin");
    expect(taxFieldOf("terms")).toBeNull();
  });
});
