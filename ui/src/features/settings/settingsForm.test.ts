import { describe, expect, it } from "vitest";
import type { ProgramSettings } from "../../bindings/ProgramSettings";
import { formFieldOf, formToInput, settingsToForm } from "./settingsForm";

const settings: ProgramSettings = {
  program_name: "Fjord Notes",
  business_name: "Fjord AS",
  address: "Storgata 1\n0155 Oslo",
  tax_id: "NO999",
  base_currency: "JPY",
  rounding: "half_even",
  hold_days: 30,
  minimum_payout: { minor: 5000, currency: "JPY" },
  cookie_window_days: 60,
  attribution: "first_touch",
  prices_include_tax: true,
  country: "no",
  self_billing: false,
};

describe("settings form", () => {
  it("shows the minimum payout in the currency's units", () => {
    expect(settingsToForm(settings).minimum_payout).toBe("5000");
    expect(settingsToForm({ ...settings, base_currency: "USD", minimum_payout: { minor: 5000, currency: "USD" } }).minimum_payout).toBe("50.00");
  });

  it("turns the form back into the input", () => {
    const result = formToInput(settingsToForm(settings));
    expect(result).toEqual({
      input: {
        program_name: "Fjord Notes",
        business_name: "Fjord AS",
        address: "Storgata 1\n0155 Oslo",
        tax_id: "NO999",
        base_currency: "JPY",
        rounding: "half_even",
        hold_days: 30,
        minimum_payout: "5000",
        cookie_window_days: 60,
        attribution: "first_touch",
        prices_include_tax: true,
        country: "NO",
        self_billing: false,
      },
    });
  });

  it("refuses days that are not whole numbers and an empty name", () => {
    const form = { ...settingsToForm(settings), hold_days: "3.5", cookie_window_days: "", program_name: " " };
    const result = formToInput(form);
    expect("errors" in result && Object.keys(result.errors).sort()).toEqual(["cookie_window_days", "hold_days", "program_name"]);
  });

  it("maps the core's field names to the form's", () => {
    expect(formFieldOf("currency")).toBe("base_currency");
    expect(formFieldOf("minimum_payout")).toBe("minimum_payout");
    expect(formFieldOf("nonsense")).toBeNull();
  });
});
