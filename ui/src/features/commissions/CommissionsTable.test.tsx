import { render, screen, within } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, it } from "vitest";
import type { Commission } from "../../bindings/Commission";
import { CommissionsTable } from "./CommissionsTable";

function line(id: number, patch: Partial<Commission> = {}): Commission {
  return {
    id,
    partner_id: 7,
    partner_name: "Maximiliane Alexandra Wittelsbach-Oberhausen",
    conversion_id: id,
    conversion_external_id: `ch_demo_00${id}_04_a_rather_long_external_id`,
    occurred_at: "2026-12-05T22:45:00Z",
    kind: "commission",
    rule_id: "agency-tiers-with-a-long-rule-name",
    amount: { minor: 1234567, currency: "USD" },
    state: "in_payout",
    hold_reason: null,
    due_on: "2027-01-04",
    decline_reason: null,
    ...patch,
  };
}

const rows = [
  line(1),
  line(2, { amount: null, state: "pending", hold_reason: "no EUR→USD rate for 2026-03-03: import FX rates, then run again" }),
  line(3, { kind: "clawback", amount: { minor: -1234567, currency: "USD" }, conversion_external_id: null }),
];

function renderTable(compact: boolean) {
  render(
    <CommissionsTable rows={rows} selectedId={null} onRowClick={() => {}} onKeyDown={() => {}} tableRef={createRef()} compact={compact} />,
  );
  return screen.getByRole("grid", { name: "Commissions" });
}

/** Each column by its header: the header cell and the body cells under it. */
function columns(table: HTMLElement) {
  const trs = [...table.querySelectorAll("tbody tr")];
  return [...table.querySelectorAll("thead th")].map((th, i) => ({
    name: th.textContent!.trim(),
    cells: [th as HTMLElement, ...trs.map((r) => r.children[i] as HTMLElement)],
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

const FIT = ["Date", "Kind", "Amount", "State", "Due on"];

describe("CommissionsTable", () => {
  it.each([
    ["with every column", false, ["Date", "Partner", "Kind", "Rule", "Amount", "State", "Due on"]],
    ["beside the panel", true, ["Date", "Partner", "Kind", "Amount", "State"]],
  ])("%s: dates, amounts and pills fit their values; partner and rule truncate with their full text in a title", (_, compact, names) => {
    const table = renderTable(compact as boolean);
    expect(table).toHaveClass("ltable-fit");
    const cols = columns(table);
    expect(cols.map((c) => c.name)).toEqual(names);
    // The text columns' shares add up to 100% in either layout: beside the
    // panel the partner takes them all (see commissions.css).
    expect(table.classList.contains("ktable-compact")).toBe(compact);
    expect([...table.querySelectorAll("col")].map((c) => c.className).filter((c) => !/date|kind|amount|state|due/.test(c))).toEqual(
      compact ? ["kcol-partner"] : ["kcol-partner", "kcol-rule"],
    );
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
    for (const cell of cols.find((c) => c.name === "Amount")!.cells) expect(cell).toHaveClass("col-end");
  });
});

describe("CommissionsTable: a chargeback's reversal", () => {
  it("labels a positive reversal line Reinstated, as money to the partner; a negative one stays a Reversal", () => {
    render(
      <CommissionsTable
        rows={[line(4, { kind: "reversal", amount: { minor: 3000, currency: "USD" } }), line(5, { kind: "reversal", amount: { minor: -3000, currency: "USD" } })]}
        selectedId={null}
        onRowClick={() => {}}
        onKeyDown={() => {}}
        tableRef={createRef()}
        compact={false}
      />,
    );
    const [given, taken] = screen.getAllByTestId("commission-row");
    const back = within(given).getByText("Reinstated");
    expect(back).toHaveClass("pill-tone-green");
    expect(back).toHaveAttribute("title", "A chargeback was reversed (dispute won): the commission it took is given back");
    expect(within(given).getByText("$30.00")).not.toHaveClass("ltable-negative");
    expect(within(given).queryByText("Reversal")).not.toBeInTheDocument();

    const reversal = within(taken).getByText("Reversal");
    expect(reversal).toHaveClass("pill-tone-red");
    expect(reversal).not.toHaveAttribute("title");
    expect(within(taken).getByText(/\$30\.00/)).toHaveClass("ltable-negative");
  });
});
