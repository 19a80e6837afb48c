import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Conversion } from "../../bindings/Conversion";
import { ConversionsTable } from "./ConversionsTable";

function conversion(i: number, patch: Partial<Conversion> = {}): Conversion {
  return {
    id: i,
    source: "stripe",
    external_id: `ch_demo_00${i}_04_a_rather_long_external_id`,
    kind: "recurring",
    occurred_at: "2026-12-05T22:45:00Z",
    amount: { minor: 1234567, currency: "USD" },
    quantity: 1,
    product: "Team plan, billed yearly, with the analytics add-on",
    customer_id: i,
    customer_ref: `cus_demo_${i}_with_a_long_reference`,
    referral_code: "ana",
    coupon_code: "",
    link_id: "",
    partner_key: "",
    original_external_id: "",
    partner_id: 7,
    partner_name: "Maximiliane Alexandra Wittelsbach-Oberhausen",
    attribution: "customer",
    held: null,
    ...patch,
  };
}

/** Each column by its header: the header cell and the body cells under it. */
function columns(table: HTMLElement) {
  const rows = [...table.querySelectorAll("tbody tr")];
  return [...table.querySelectorAll("thead th")].map((th, i) => ({
    name: th.textContent!.trim(),
    cells: [th as HTMLElement, ...rows.map((r) => r.children[i] as HTMLElement)],
  }));
}

/** Text the user could lose to an ellipsis, with the title they can read it in. */
function textAndTitles(cell: HTMLElement): [string, string][] {
  const out: [string, string][] = [];
  for (const el of [cell, ...cell.querySelectorAll<HTMLElement>("*")]) {
    if (el.closest(".pill, .ltable-dim")) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();
    if (!own) continue;
    const titled = el.closest<HTMLElement>("[title]");
    out.push([own, titled && cell.contains(titled) ? titled.title : ""]);
  }
  return out;
}

const FIT = ["Date", "Kind", "Amount"];

describe("ConversionsTable", () => {
  it("fits dates, kinds and amounts to their values; other columns truncate with their full text in a title", () => {
    render(
      <ConversionsTable
        rows={[
          conversion(1),
          conversion(2, { kind: "refund", amount: { minor: -1234567, currency: "USD" }, original_external_id: "ch_demo_001_04_the_original_sale" }),
          conversion(3, { partner_id: null, partner_name: null, attribution: "none", referral_code: "ghost", coupon_code: "SPRING" }),
          conversion(4, { held: "no plan applies to this partner on 2026-03-01: put them on a plan, then compute again" }),
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "Conversions" });
    expect(table).toHaveClass("ltable-fit");
    const cols = columns(table);
    expect(cols.map((c) => c.name)).toEqual(["Date", "Kind", "External id", "Customer", "Amount", "Partner", "Attributed by", "Product"]);
    for (const col of cols) {
      for (const cell of col.cells) {
        if (FIT.includes(col.name)) {
          expect(cell, `${col.name}: ${cell.textContent}`).toHaveClass("col-fit");
        } else {
          expect(cell, `${col.name}: ${cell.textContent}`).not.toHaveClass("col-fit");
          for (const [text, title] of textAndTitles(cell)) expect(title, `${col.name}: ${text}`).toContain(text);
        }
      }
    }
    const amounts = cols.find((c) => c.name === "Amount")!.cells;
    for (const cell of amounts) expect(cell).toHaveClass("col-end");
  });
});
