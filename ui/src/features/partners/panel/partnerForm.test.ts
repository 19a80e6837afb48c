import { describe, expect, it } from "vitest";
import type { Partner } from "../../../bindings/Partner";
import type { PartnerInput } from "../../../bindings/PartnerInput";
import { emptyForm, formToInput, inputToForm, partnerToForm, partnerToInput } from "./partnerForm";

/** Every field set to something other than its empty value. */
const full: PartnerInput = {
  name: "Zoë Łukasz",
  first_name: "Zoë",
  email: "zoe@example.com",
  company: "Fjord Notes",
  address: "Storgata 1\n0155 Oslo",
  website: "https://fjord.example",
  social_profiles: ["https://x.com/zoe", "@zoe"],
  country: "NO",
  language: "nb",
  status: "paused",
  group_id: 7,
  tags: ["vip", "newsletter"],
  custom_fields: { shoe_size: "42", "t-shirt": "M" },
  parent_id: 3,
  codes: [
    { kind: "referral", code: "ZOE10" },
    { kind: "coupon", code: "ZOE-COUPON" },
    { kind: "link", code: "zoe.link" },
  ],
  payout: { method: "iban", email: "pay@example.com", iban: "NO9386011117947", bic: "DNBANOKKXXX", other: "notes" },
  payout_currency: "NOK",
  tax: { status: "w8ben", form_expires: "2027-12-31", vat_id: "NO123456789", tin: "NO-01017012345" },
  terms_version: "2026-01",
};

describe("form <-> PartnerInput", () => {
  it("round-trips every field", () => {
    expect(formToInput(inputToForm(full, "Parent"))).toEqual(full);
  });

  it("covers every key of PartnerInput", () => {
    expect(Object.keys(formToInput(emptyForm())).sort()).toEqual(Object.keys(full).sort());
  });

  it("round-trips the empty record", () => {
    const input = formToInput(emptyForm());
    expect(formToInput(inputToForm(input))).toEqual(input);
    expect(input.group_id).toBeNull();
    expect(input.parent_id).toBeNull();
    expect(input.payout.method).toBe("none");
    expect(input.tax.status).toBe("none");
  });

  it("names the parent from the Partner and keeps its id", () => {
    const partner: Partner = {
      ...full,
      id: 9,
      group_name: "Gold",
      parent_name: "Ana Parent",
      terms_accepted_at: "2026-01-02T00:00:00Z",
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-03T00:00:00Z",
      plan_id: null,
      plan_name: null,
      payout_hold: null,
    };
    const form = partnerToForm(partner);
    expect(form.parent).toEqual({ id: 3, name: "Ana Parent" });
    expect(formToInput(form)).toEqual(partnerToInput(partner));
    expect(partnerToInput(partner)).toEqual(full);
  });

  it("drops empty rows and normalises codes of countries and currencies", () => {
    const form = {
      ...inputToForm(full),
      social_profiles: ["", "@zoe", "  "],
      custom_fields: [
        { key: "", value: "" },
        { key: " size ", value: "42" },
      ],
      codes: [
        { kind: "coupon" as const, code: " " },
        { kind: "referral" as const, code: "ZOE10" },
      ],
      country: "no",
      payout_currency: "nok ",
      parent: null,
    };
    const input = formToInput(form);
    expect(input.social_profiles).toEqual(["@zoe"]);
    expect(input.custom_fields).toEqual({ size: "42" });
    expect(input.codes).toEqual([{ kind: "referral", code: "ZOE10" }]);
    expect(input.country).toBe("NO");
    expect(input.payout_currency).toBe("NOK");
    expect(input.parent_id).toBeNull();
  });

  it("sends the TIN with a W-9 or W-8BEN only", () => {
    const form = { ...inputToForm(full), tin: "123-45-6789" };
    expect(formToInput({ ...form, tax_status: "w9" }).tax.tin).toBe("123-45-6789");
    expect(formToInput({ ...form, tax_status: "w8ben" }).tax.tin).toBe("123-45-6789");
    expect(formToInput({ ...form, tax_status: "vat" }).tax).toEqual({ status: "vat", form_expires: "2027-12-31", vat_id: "NO123456789", tin: "" });
    expect(formToInput({ ...form, tax_status: "none" }).tax.tin).toBe("");
  });

  it("sends a Wise partner's email and bank account", () => {
    const form = { ...inputToForm(full), payout_method: "wise" as const };
    expect(formToInput(form).payout).toEqual({ method: "wise", email: "pay@example.com", iban: "NO9386011117947", bic: "DNBANOKKXXX", other: "notes" });
    expect(formToInput({ ...form, iban: "", bic: "" }).payout).toMatchObject({ method: "wise", email: "pay@example.com", iban: "", bic: "" });
  });

  it("does not share arrays with the input it came from", () => {
    const form = inputToForm(full);
    form.tags.push("changed");
    form.social_profiles.push("changed");
    expect(full.tags).toEqual(["vip", "newsletter"]);
    expect(full.social_profiles).toHaveLength(2);
  });
});
