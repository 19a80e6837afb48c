import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Conversion } from "../../bindings/Conversion";
import type { ConversionQuery } from "../../bindings/ConversionQuery";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { ConversionsScreen, PAGE_SIZE, type ConversionsIntent } from "./ConversionsScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

function conversion(i: number, patch: Partial<Conversion> = {}): Conversion {
  return {
    id: i,
    source: "stripe",
    external_id: `ch_${i}`,
    kind: "sale",
    occurred_at: "2026-03-04T15:06:00Z",
    amount: { minor: 12345, currency: "USD" },
    quantity: 1,
    product: "Pro plan",
    customer_id: i,
    customer_ref: `cus_${i}`,
    referral_code: "ana",
    coupon_code: "",
    link_id: "",
    partner_key: "",
    original_external_id: "",
    partner_id: 7,
    partner_name: "Ana Lima",
    attribution: "referral_code",
    held: null,
    ...patch,
  };
}

const noPlan =
  "no plan applies to this partner on 2026-03-01: put them or their group on a plan, or date a plan version on or before that day, then compute again";

const all: Conversion[] = [
  conversion(250, { partner_id: null, partner_name: null, attribution: "none", referral_code: "ghost", coupon_code: "SPRING" }),
  ...Array.from({ length: 249 }, (_, i) => conversion(249 - i, { held: i < 2 ? noPlan : null })),
];

function list(q: ConversionQuery) {
  const hits = all.filter(
    (c) => (!q.unattributed || c.partner_id === null) && (!q.held || c.held !== null) && (!q.kinds.length || q.kinds.includes(c.kind)),
  );
  return { total: hits.length, rows: hits.slice(q.offset, q.offset + (q.limit || 100)) };
}

/** The last page the screen asked for (the badges ask for counts too). */
const lastPageAsked = () => callsTo("conversions_list").filter((c) => (c.query as ConversionQuery).limit === PAGE_SIZE).at(-1);

function setup(initial?: ConversionsIntent) {
  vi.mocked(invoke).mockReset();
  mockCommands({ conversions_list: ({ query }) => list(query as ConversionQuery) });
  render(
    <ToastProvider>
      <ConversionsScreen baseCurrency="USD" initial={initial} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

describe("ConversionsScreen", () => {
  it("lists conversions newest first, 100 a page, with the unattributed count", async () => {
    const user = setup();
    await waitFor(() => expect(screen.getByTestId("conversions-count")).toHaveTextContent("250 conversions"));
    const rows = screen.getAllByTestId("conversion-row");
    expect(rows).toHaveLength(100);
    expect(rows[1]).toHaveAttribute("data-id", "249");
    expect(within(rows[1]).getByText("2026-03-04 15:06")).toBeInTheDocument();
    expect(within(rows[1]).getByText("$123.45")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Ana Lima")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Referral code")).toBeInTheDocument();
    expect(await screen.findByTestId("conversions-unattributed-count")).toHaveTextContent("1");

    await user.click(screen.getByTestId("conversions-page-next"));
    await waitFor(() => expect(screen.getAllByTestId("conversion-row")[0]).toHaveAttribute("data-id", "150"));
    expect(lastPageAsked()).toMatchObject({ query: { offset: 100, limit: 100, unattributed: false } });
  });

  it("shows only the unattributed, and what their file said", async () => {
    const user = setup();
    await screen.findAllByTestId("conversion-row");
    await user.click(screen.getByTestId("conversions-filter-unattributed"));
    await waitFor(() => expect(screen.getAllByTestId("conversion-row")).toHaveLength(1));
    expect(lastPageAsked()).toMatchObject({ query: { unattributed: true, offset: 0 } });
    expect(screen.getByTestId("conversions-filter-unattributed")).toHaveAttribute("aria-pressed", "true");
    const row = screen.getByTestId("conversion-row");
    expect(within(row).getByText("Unattributed")).toBeInTheDocument();
    expect(within(row).getByTestId("conversion-evidence")).toHaveTextContent("referral “ghost”, coupon “SPRING”: no partner has it");

    await user.selectOptions(screen.getByLabelText("Kind"), "Refund");
    expect(await screen.findByTestId("conversions-empty")).toHaveTextContent("No refund conversions without a partner");
    expect(lastPageAsked()).toMatchObject({ query: { unattributed: true, kinds: ["refund"] } });
  });

  it("shows the sales whose commission waits, why, and what to do", async () => {
    const user = setup();
    expect(await screen.findByTestId("conversions-held-count")).toHaveTextContent("2");
    expect(callsTo("conversions_list")).toContainEqual({ query: expect.objectContaining({ held: true, unattributed: false, limit: 1 }) });
    const waiting = within(screen.getAllByTestId("conversion-row")[1]).getByTestId("conversion-held");
    expect(waiting).toHaveTextContent("Commission held: No plan applies to this partner on 2026-03-01");
    expect(waiting).toHaveAttribute(
      "title",
      "Commission held: No plan applies to this partner on 2026-03-01. Put them or their group on a plan, or date a plan version on or before that day, then compute again.",
    );
    expect(within(screen.getAllByTestId("conversion-row")[3]).queryByTestId("conversion-held")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("conversions-filter-held"));
    await waitFor(() => expect(screen.getAllByTestId("conversion-row")).toHaveLength(2));
    expect(lastPageAsked()).toMatchObject({ query: { held: true, unattributed: false, offset: 0 } });
    expect(screen.getByTestId("conversions-filter-held")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("conversions-count")).toHaveTextContent("2 held");
    expect(screen.getAllByTestId("conversion-held")).toHaveLength(2);

    await user.selectOptions(screen.getByLabelText("Kind"), "Refund");
    expect(await screen.findByTestId("conversions-empty")).toHaveTextContent("No refund conversions with a held commission");
    expect(lastPageAsked()).toMatchObject({ query: { held: true, kinds: ["refund"] } });
  });

  it("shows a chargeback's reversal as money coming back, and filters on it", async () => {
    vi.mocked(invoke).mockReset();
    const won = conversion(7, { kind: "chargeback_reversal", external_id: "pp_rev_7", original_external_id: "pp_7" });
    mockCommands({ conversions_list: ({ query }) => ({ total: 1, rows: (query as ConversionQuery).kinds.includes("sale") ? [] : [won] }) });
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <ConversionsScreen baseCurrency="USD" />
      </ToastProvider>,
    );
    const row = await screen.findByTestId("conversion-row");
    const pill = within(row).getByText("Reversal won");
    expect(pill).toHaveAttribute("title", "Chargeback reversed");
    expect(pill).toHaveClass("pill-tone-green");
    expect(within(row).getByText("of pp_7")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Kind"), "Chargeback reversed");
    await waitFor(() => expect(lastPageAsked()).toMatchObject({ query: { kinds: ["chargeback_reversal"] } }));
  });

  it("tells a new book what to do first", async () => {
    vi.mocked(invoke).mockReset();
    mockCommands({ conversions_list: () => ({ total: 0, rows: [] }) });
    render(
      <ToastProvider>
        <ConversionsScreen baseCurrency="EUR" />
      </ToastProvider>,
    );
    expect(await screen.findByText("No conversions yet")).toBeInTheDocument();
    expect(screen.queryByTestId("conversions-unattributed-count")).not.toBeInTheDocument();
    expect(screen.queryByTestId("conversions-held-count")).not.toBeInTheDocument();
  });
});

describe("ConversionsScreen opened for a selection", () => {
  it("lists only the days, partner and kinds it was opened for, says so, and shows all again", async () => {
    const user = setup({ from: "2026-11-01", to: "2026-11-30", partner: { id: 7, name: "Ana Lima" }, kinds: ["refund", "chargeback"] });
    const scope = await screen.findByTestId("conversions-scope");
    expect(scope).toHaveTextContent("Only Nov 1, 2026 \u2013 Nov 30, 2026 · Ana Lima · Refund, Chargeback");
    expect(lastPageAsked()).toMatchObject({
      query: { from: "2026-11-01", to: "2026-11-30", partner_id: 7, kinds: ["refund", "chargeback"], unattributed: false },
    });
    // The view badges count within the selection too.
    expect(callsTo("conversions_list")).toContainEqual({ query: expect.objectContaining({ unattributed: true, partner_id: 7, limit: 1 }) });
    expect(await screen.findByTestId("conversions-empty")).toHaveTextContent("No conversions here");

    await user.click(screen.getByTestId("conversions-scope-clear"));
    await waitFor(() => expect(screen.getByTestId("conversions-count")).toHaveTextContent("250 conversions"));
    expect(screen.queryByTestId("conversions-scope")).toBeNull();
    expect(lastPageAsked()).toMatchObject({ query: { from: null, to: null, partner_id: null, kinds: [] } });
  });

  it("sets the Kind filter for one kind, and opens the import when asked", async () => {
    setup({ from: "2026-03-01", to: "2026-03-31", kinds: ["sale"], import: true });
    expect(await screen.findByTestId("conversions-filter-kind")).toHaveValue("sale");
    expect(lastPageAsked()).toMatchObject({ query: { from: "2026-03-01", to: "2026-03-31", kinds: ["sale"] } });
    expect(screen.getByTestId("conversions-scope")).toHaveTextContent("Only Mar 1, 2026 \u2013 Mar 31, 2026");
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });
});

