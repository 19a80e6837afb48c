import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, onTestFinished } from "vitest";
import type { TaxForm } from "../../bindings/TaxForm";
import type { TaxYearRow } from "../../bindings/TaxYearRow";
import { TaxYearTable } from "./TaxYearTable";

const usd = (minor: number) => ({ minor, currency: "USD" as const });

function row(partner_id: number, form: TaxForm, patch: Partial<TaxYearRow> = {}): TaxYearRow {
  return {
    partner_id,
    payee_name: "Maximiliane Alexandra Wittelsbach-Oberhausen",
    company: "Wittelsbach-Oberhausen Medien und Verlagsgesellschaft mbH",
    address: "",
    country: "DE",
    form,
    tin: "",
    tin_kind: "",
    paid: [{ method: "wise", amount: usd(350000) }],
    reportable: [usd(350000)],
    network: [],
    over_threshold: true,
    needs_1099: false,
    ...patch,
  };
}

/**
 * The table's stylesheet, put in the document (vitest loads no CSS) so the
 * cells' computed styles are the ones the window would give them.
 */
async function withReportsCss() {
  // Through a string so the app's types need not know node's modules.
  const fs = (await import(/* @vite-ignore */ "node:fs" as string)) as { readFileSync(path: string, encoding: "utf8"): string };
  const style = document.createElement("style");
  style.textContent = fs.readFileSync(import.meta.url.replace(/^file:\/\//, "").replace(/[^/]+$/, "reports.css"), "utf8");
  document.head.append(style);
  onTestFinished(() => style.remove());
}

describe("TaxYearTable: the tax form column", () => {
  it("keeps every form's label whole; the payee is the column that gives way", async () => {
    await withReportsCss();
    render(
      <TaxYearTable
        report={{
          year: 2026,
          threshold: usd(200000),
          rows: [row(1, "vat"), row(2, "expired", { country: "US", needs_1099: true }), row(3, "w8ben"), row(4, "w9"), row(5, "none")],
        }}
      />,
    );
    const table = screen.getByTestId("report-table");
    expect(table).toHaveClass("reports-fit");
    const forms = within(table).getAllByTestId("tax-form");
    expect(forms.map((c) => c.textContent)).toEqual(["VAT id only", "W-8BEN expired", "W-8BEN", "W-9", "none"]);
    // col-fit: as wide as its widest label, never wrapped nor cut.
    expect(within(table).getByRole("columnheader", { name: "Tax form" })).toHaveClass("col-fit");
    for (const cell of forms) expect(cell, cell.textContent!).toHaveClass("col-fit");
    for (const cell of [within(table).getByRole("columnheader", { name: "Tax form" }), ...forms]) {
      const style = getComputedStyle(cell);
      expect([style.whiteSpace, style.overflow, style.maxWidth, style.textOverflow], cell.textContent!).toEqual(["nowrap", "visible", "none", "clip"]);
    }

    // The payee alone shares what is left (100%), cut with its full text in the title.
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.filter((h) => !h.classList.contains("col-fit")).map((h) => h.textContent)).toEqual(["Payee"]);
    expect([...table.querySelectorAll("col")].map((c) => c.style.width)).toEqual(["100%", "", "", "", "", "", ""]);
    const payee = within(table).getAllByRole("row")[1].children[0] as HTMLElement;
    expect(payee).not.toHaveClass("col-fit");
    expect(payee.title).toBe("Maximiliane Alexandra Wittelsbach-Oberhausen\nWittelsbach-Oberhausen Medien und Verlagsgesellschaft mbH");
    expect([getComputedStyle(payee).maxWidth, getComputedStyle(payee).textOverflow]).toEqual(["0px", "ellipsis"]);
  });
});
