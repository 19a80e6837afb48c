import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Threshold } from "../../bindings/Threshold";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { TaxThresholdsSection } from "./TaxThresholdsSection";
import { defaultThresholdCurrency, thresholdArgs, thresholdFieldOf } from "./thresholdForm";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

const usd = (minor: number) => ({ minor, currency: "USD" });

const SET: Threshold[] = [
  { year: 2025, amount: usd(60000) },
  { year: 2026, amount: usd(200000) },
];

function setup(handlers: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    tax_thresholds: () => SET,
    tax_threshold_set: ({ year, amount, currency }) => [...SET, { year, amount: { minor: Number(amount) * 100, currency } }],
    ...handlers,
  });
  render(
    <ToastProvider>
      <TaxThresholdsSection />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const rows = () => screen.getAllByTestId("tax-threshold-row").map((r) => r.textContent);

describe("Settings → Tax year", () => {
  it("lists the threshold of each year and says how a year without one is read", async () => {
    setup();
    await waitFor(() => expect(rows()).toEqual(["2025 — $600.00", "2026 — $2,000.00"]));
    expect(callsTo("tax_thresholds")).toEqual([{}]);
    expect(
      screen.getByText("A payee paid at least this much in a year outside PayPal needs a 1099-NEC. A year without its own row uses the latest earlier one."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Currency")).toHaveValue("USD");
  });

  it("sets a year's threshold and shows the list the core returns", async () => {
    const user = setup();
    await screen.findAllByTestId("tax-threshold-row");
    await user.type(screen.getByLabelText("Year"), "2027");
    await user.type(screen.getByLabelText("Amount"), " 2500.00");
    await user.click(screen.getByTestId("tax-threshold-save"));

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(callsTo("tax_threshold_set")).toEqual([{ year: 2027, amount: "2500.00", currency: "USD" }]);
    expect(rows()[2]).toBe("2027 — $2,500.00");
    expect(await screen.findByTestId("toast")).toHaveTextContent("The 1099-NEC threshold for 2027 is saved.");
    expect(screen.getByLabelText("Year")).toHaveValue("");
    expect(screen.getByLabelText("Amount")).toHaveValue("");
  });

  it("hints at the fields with examples, not values that look filled in, and sets from the same row", async () => {
    setup();
    await screen.findAllByTestId("tax-threshold-row");
    expect(screen.getByLabelText("Year")).toHaveAttribute("placeholder", `e.g. ${new Date().getFullYear() + 1}`);
    expect(screen.getByLabelText("Amount")).toHaveAttribute("placeholder", "e.g. 2000.00");
    const save = screen.getByTestId("tax-threshold-save");
    expect(save).toHaveTextContent("Set threshold");
    expect(save).toHaveAttribute("type", "submit");
    // Right after Currency, in the fields' row.
    expect(save.closest(".settings-threshold-fields")).toContainElement(screen.getByLabelText("Currency"));
  });

  it("fills the form with a listed year's amount and currency on Edit, then saves the change", async () => {
    const user = setup({
      tax_thresholds: () => [...SET, { year: 2027, amount: { minor: 250000, currency: "CAD" } }],
      tax_threshold_set: ({ year, amount, currency }) => [...SET, { year, amount: { minor: Number(amount) * 100, currency } }],
    });
    await waitFor(() => expect(rows()).toEqual(["2025 — $600.00", "2026 — $2,000.00", "2027 — CA$2,500.00"]));
    expect(screen.getAllByTestId("tax-threshold-edit").map((b) => b.textContent)).toEqual(["Edit", "Edit", "Edit"]);

    await user.click(screen.getByRole("button", { name: "Edit 2025" }));
    expect(screen.getByLabelText("Year")).toHaveValue("2025");
    expect(screen.getByLabelText("Amount")).toHaveValue("600.00");
    expect(screen.getByLabelText("Amount")).toHaveFocus();
    expect(screen.getByLabelText("Currency")).toHaveValue("USD");

    await user.click(screen.getByRole("button", { name: "Edit 2027" }));
    expect(screen.getByLabelText("Year")).toHaveValue("2027");
    expect(screen.getByLabelText("Amount")).toHaveValue("2500.00");
    expect(screen.getByLabelText("Currency")).toHaveValue("CAD");

    // The amount is selected: typing replaces it.
    await user.keyboard("2600");
    await user.click(screen.getByTestId("tax-threshold-save"));
    await waitFor(() => expect(callsTo("tax_threshold_set")).toEqual([{ year: 2027, amount: "2600", currency: "CAD" }]));
  });

  it("starts a new threshold in the currency of those shown", async () => {
    const user = setup({ tax_thresholds: () => [{ year: 2026, amount: { minor: 180000, currency: "EUR" } }] });
    await waitFor(() => expect(rows()).toEqual(["2026 — €1,800.00"]));
    expect(screen.getByLabelText("Currency")).toHaveValue("EUR");
    await user.type(screen.getByLabelText("Year"), "2028");
    await user.type(screen.getByLabelText("Amount"), "1900");
    await user.click(screen.getByTestId("tax-threshold-save"));
    await waitFor(() => expect(callsTo("tax_threshold_set")).toEqual([{ year: 2028, amount: "1900", currency: "EUR" }]));
  });

  it("shows the core's refusal next to the field it names", async () => {
    const user = setup({
      tax_threshold_set: ({ year }) => {
        throw { code: "invalid_input", message: `${year} is not a year between 2000 and 2200`, field: "year" };
      },
    });
    await screen.findAllByTestId("tax-threshold-row");
    await user.type(screen.getByLabelText("Year"), "1999");
    await user.type(screen.getByLabelText("Amount"), "600");
    await user.click(screen.getByTestId("tax-threshold-save"));
    expect(await screen.findByText("1999 is not a year between 2000 and 2200.")).toHaveClass("field-error");
    expect(screen.getByLabelText("Year")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Year")).toHaveFocus();
    expect(screen.queryByTestId("tax-threshold-error")).not.toBeInTheDocument();
    expect(rows()).toHaveLength(2);

    await user.type(screen.getByLabelText("Year"), "0");
    expect(screen.getByLabelText("Year")).not.toHaveAttribute("aria-invalid");
  });

  it("shows a refused amount under Amount", async () => {
    const user = setup({
      tax_threshold_set: () => {
        throw { code: "invalid_input", message: "cannot be negative", field: "amount" };
      },
    });
    await screen.findAllByTestId("tax-threshold-row");
    await user.type(screen.getByLabelText("Year"), "2027");
    await user.type(screen.getByLabelText("Amount"), "-1");
    await user.click(screen.getByTestId("tax-threshold-save"));
    expect(await screen.findByText("Cannot be negative.")).toHaveAttribute("id", "tax-threshold-amount-error");
    expect(screen.getByLabelText("Amount")).toHaveAttribute("aria-invalid", "true");
  });

  it("asks for the year and the amount before asking the core", async () => {
    const user = setup();
    await screen.findAllByTestId("tax-threshold-row");
    await user.click(screen.getByTestId("tax-threshold-save"));
    expect(screen.getByText("Enter a year like 2026.")).toBeInTheDocument();
    expect(screen.getByText("Enter the amount, like 2000.00.")).toBeInTheDocument();
    expect(callsTo("tax_threshold_set")).toHaveLength(0);
  });

  it("says when none is set, offering USD", async () => {
    setup({ tax_thresholds: () => [] });
    expect(await screen.findByText(/No threshold is set/)).toBeInTheDocument();
    expect(screen.getByLabelText("Currency")).toHaveValue("USD");
  });
});

describe("threshold form", () => {
  it("reads the year as a number and the currency as its code", () => {
    expect(thresholdArgs({ year: " 2027 ", amount: " 600 ", currency: "usd" })).toEqual({ args: { year: 2027, amount: "600", currency: "USD" } });
    expect(thresholdArgs({ year: "27", amount: "", currency: "" })).toEqual({
      errors: { year: "Enter a year like 2026.", amount: "Enter the amount, like 2000.00.", currency: "Enter a currency code, like USD." },
    });
  });

  it("defaults to the latest year's currency, else USD", () => {
    expect(defaultThresholdCurrency([])).toBe("USD");
    expect(defaultThresholdCurrency([{ year: 2025, amount: usd(1) }, { year: 2026, amount: { minor: 1, currency: "CAD" } }])).toBe("CAD");
  });

  it("maps the core's fields", () => {
    expect(thresholdFieldOf("amount")).toBe("amount");
    expect(thresholdFieldOf("year")).toBe("year");
    expect(thresholdFieldOf("path")).toBeNull();
  });
});
