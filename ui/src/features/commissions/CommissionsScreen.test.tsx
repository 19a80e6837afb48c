import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Commission } from "../../bindings/Commission";
import type { CommissionQuery } from "../../bindings/CommissionQuery";
import type { JobProgress } from "../../bindings/JobProgress";
import { ToastProvider } from "../../components/Toast";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { CommissionsScreen, intentFilters, type CommissionsIntent } from "./CommissionsScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

function line(id: number, patch: Partial<Commission> = {}): Commission {
  return {
    id,
    partner_id: 7,
    partner_name: "Ana Lima",
    conversion_id: id,
    conversion_external_id: `ch_${id}`,
    occurred_at: "2026-03-04T15:06:00Z",
    kind: "commission",
    rule_id: "standard",
    amount: { minor: 1250, currency: "USD" },
    state: "pending",
    hold_reason: null,
    due_on: "2026-04-03",
    decline_reason: null,
    ...patch,
  };
}

function setup(extra: Parameters<typeof mockCommands>[0] = {}, initial?: CommissionsIntent) {
  vi.mocked(invoke).mockReset();
  let book: Commission[] = [
    line(3),
    line(2, { amount: null, hold_reason: "no EUR→USD rate for 2026-03-03: import FX rates, then run again" }),
    line(1, { kind: "clawback", amount: { minor: -500, currency: "USD" }, state: "approved", partner_name: "Bruno Costa" }),
  ];
  mockCommands({
    commissions_list: ({ query }) => {
      const q = query as CommissionQuery;
      const held = (c: Commission) => c.state === "pending" && c.hold_reason !== null;
      const rows = book.filter((c) => (!q.states.length || q.states.includes(c.state)) && (!q.held || held(c)));
      return { total: rows.length === 3 ? 1234 : rows.length, sum: { minor: 1234567, currency: "USD" }, rows };
    },
    commission_explain: ({ id }) => `Sentence for commission ${id}.`,
    commission_decline: ({ id, reason }) => {
      book = book.map((c) => (c.id === id ? { ...c, state: "declined", decline_reason: reason as string } : c));
      return book.find((c) => c.id === id);
    },
    partners_search: () => ({ total: 1, offset: 0, rows: [{ id: 7, name: "Ana Lima", email: "ana@example.com" }] }),
    ...extra,
  });
  render(
    <ToastProvider>
      <CommissionsScreen baseCurrency="USD" initial={initial} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const row = (id: number) => screen.getAllByTestId("commission-row").find((r) => r.getAttribute("data-id") === String(id))!;

describe("CommissionsScreen", () => {
  it("shows the count, what the lines are worth, held and negative amounts", async () => {
    setup();
    expect(await screen.findByTestId("commissions-count")).toHaveTextContent("1,234 lines");
    expect(screen.getByTestId("commissions-sum")).toHaveTextContent("$12,345.67");
    expect(within(row(3)).getByText("$12.50")).toBeInTheDocument();
    expect(within(row(2)).getByText("held")).toBeInTheDocument();
    expect(within(row(2)).getByText("No EUR→USD rate for 2026-03-03")).toBeInTheDocument();
    expect(within(row(1)).getByText("Clawback")).toBeInTheDocument();
    expect(within(row(1)).getByText(/\$5\.00/)).toHaveClass("ltable-negative");
    expect(within(row(1)).getByText("Approved")).toBeInTheDocument();
  });

  it("explains the selected line, follows j/k and closes on Esc", async () => {
    const user = setup();
    await screen.findByTestId("commissions-count");
    await user.click(row(3));
    expect(await screen.findByTestId("commission-explain")).toHaveTextContent("Sentence for commission 3.");
    expect(callsTo("commission_explain")).toEqual([{ id: 3 }]);
    expect(row(3)).toHaveAttribute("aria-selected", "true");

    await user.keyboard("j");
    expect(row(2)).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("Sentence for commission 2.")).toBeInTheDocument();
    expect(within(screen.getByTestId("commission-panel")).getByText("No EUR→USD rate for 2026-03-03")).toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("commission-panel")).not.toBeInTheDocument();
    await user.keyboard("{ArrowDown}{Enter}");
    expect(await screen.findByText("Sentence for commission 1.")).toBeInTheDocument();
  });

  it("declines only with a reason, then shows the new state", async () => {
    const user = setup();
    await screen.findByTestId("commissions-count");
    await user.click(row(3));
    await user.click(await screen.findByTestId("commission-decline"));
    await user.click(screen.getByTestId("commission-decline-confirm"));
    expect(screen.getByText("Say why you decline this commission.")).toBeInTheDocument();
    expect(callsTo("commission_decline")).toHaveLength(0);

    await user.type(screen.getByTestId("commission-decline-reason"), "Self-referral");
    await user.click(screen.getByTestId("commission-decline-confirm"));
    expect(callsTo("commission_decline")).toEqual([{ id: 3, reason: "Self-referral" }]);
    expect(await screen.findByText("Declined the Ana Lima commission.")).toBeInTheDocument();
    const panel = screen.getByTestId("commission-panel");
    expect(within(panel).getByTestId("commission-panel-state")).toHaveTextContent("Declined");
    expect(within(panel).getByText("Self-referral")).toBeInTheDocument();
    expect(screen.queryByTestId("commission-decline")).not.toBeInTheDocument();
    await waitFor(() => expect(within(row(3)).getByText("Declined")).toBeInTheDocument());
    expect(callsTo("commission_explain").length).toBeGreaterThanOrEqual(2);
  });

  it("filters by state, month and partner", async () => {
    const user = setup();
    await screen.findByTestId("commissions-count");
    await user.click(screen.getByTestId("commissions-state-approved"));
    await waitFor(() => expect(screen.getAllByTestId("commission-row")).toHaveLength(1));
    expect(screen.getByTestId("commissions-state-approved")).toHaveAttribute("aria-pressed", "true");

    fireEvent.change(screen.getByTestId("commissions-period"), { target: { value: "2024-02" } });
    await waitFor(() =>
      expect(callsTo("commissions_list").at(-1)).toMatchObject({ query: { states: ["approved"], from: "2024-02-01", to: "2024-02-29", offset: 0 } }),
    );

    await user.type(screen.getByTestId("commissions-partner"), "ana");
    await user.click(await screen.findByRole("option", { name: /Ana Lima/ }));
    await waitFor(() => expect(callsTo("commissions_list").at(-1)).toMatchObject({ query: { partner_id: 7 } }));
    expect(screen.getByTestId("commissions-partner-chosen")).toHaveTextContent("Ana Lima");
  });

  it("shows only the held lines, what they wait for and what to do", async () => {
    const user = setup();
    await screen.findByTestId("commissions-count");
    await user.click(screen.getByTestId("commissions-held"));
    await waitFor(() => expect(screen.getAllByTestId("commission-row")).toHaveLength(1));
    expect(callsTo("commissions_list").at(-1)).toMatchObject({ query: { held: true, states: [], offset: 0 } });
    expect(screen.getByTestId("commissions-held")).toHaveAttribute("aria-pressed", "true");
    expect(within(row(2)).getByText("No EUR→USD rate for 2026-03-03").closest("td")).toHaveAttribute(
      "title",
      "No EUR→USD rate for 2026-03-03. Import FX rates, then run again.",
    );

    await user.click(row(2));
    const panel = await screen.findByTestId("commission-panel");
    expect(within(panel).getByText("No EUR→USD rate for 2026-03-03")).toBeInTheDocument();
    expect(within(panel).getByText("Import FX rates, then run again.")).toBeInTheDocument();

    // Held lines are pending ones: none is approved.
    await user.click(screen.getByTestId("commissions-state-approved"));
    expect(await screen.findByText("Nothing is held")).toBeInTheDocument();
    await user.click(screen.getByTestId("commissions-filters-clear"));
    await waitFor(() => expect(screen.getAllByTestId("commission-row")).toHaveLength(3));
    expect(callsTo("commissions_list").at(-1)).toMatchObject({ query: { held: false, states: [] } });
    expect(screen.getByTestId("commissions-held")).toHaveAttribute("aria-pressed", "false");
  });

  it("approves what is due by the day chosen", async () => {
    const due = { count: 3, totals: [{ minor: 12345, currency: "USD" }] };
    const user = setup({
      commissions_approve_due: () => due,
      commissions_due_preview: ({ asOf }) => (asOf === "2026-05-31" ? due : { count: 0, totals: [] }),
    });
    await screen.findByTestId("commissions-count");
    await user.click(screen.getByTestId("commissions-approve-due"));
    fireEvent.change(screen.getByTestId("commissions-approve-date"), { target: { value: "2026-01-01" } });
    expect(await screen.findByText("Nothing pending is due by then.")).toBeInTheDocument();
    expect(screen.getByTestId("commissions-approve-confirm")).toBeDisabled();
    fireEvent.change(screen.getByTestId("commissions-approve-date"), { target: { value: "2026-05-31" } });
    expect(await screen.findByText("Due by then: 3 commission lines, $123.45.")).toBeInTheDocument();
    await user.click(screen.getByTestId("commissions-approve-confirm"));
    expect(callsTo("commissions_approve_due")).toEqual([{ asOf: "2026-05-31" }]);
    expect(await screen.findByText("Approved 3 commission lines, $123.45 due by May 31, 2026.")).toBeInTheDocument();
    expect(screen.queryByTestId("commissions-approve-dialog")).not.toBeInTheDocument();
  });

  it("recomputes with progress, and can be cancelled", async () => {
    const running = deferred<unknown>();
    const user = setup({
      commissions_compute: (args) => {
        (args.onProgress as { onmessage: (p: JobProgress) => void }).onmessage({ step: "computing", done: 5, total: 10 });
        return running.promise;
      },
      job_cancel: () => null,
    });
    await screen.findByTestId("commissions-count");
    await user.click(screen.getByTestId("commissions-recompute"));
    expect(await screen.findByTestId("commissions-job")).toHaveTextContent("Recomputing commissions: computing");
    expect(screen.getByTestId("commissions-approve-due")).toBeDisabled();
    await user.click(screen.getByTestId("commissions-job-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    running.reject({ code: "cancelled", message: "cancelled", field: null });
    expect(await screen.findByText("Recomputing commissions cancelled; nothing was changed.")).toBeInTheDocument();
    expect(screen.queryByTestId("commissions-job")).not.toBeInTheDocument();
  });

  it("shows what a rates file would do before importing it, and imports only on confirm", async () => {
    const none = { conversions: 0, lines: 0, held: 0, reversals: 0, clawbacks: 0, reinstated: 0, bonuses: 0, adjustments: 0, net: null };
    const user = setup({
      fx_import: ({ dryRun }) => [
        { rates: 230702, days: 7280, skipped_currencies: ["CYP", "EEK"], dry_run: dryRun },
        { ...none, conversions: 2, lines: 2, net: { minor: 1500, currency: "USD" } },
      ],
    });
    vi.mocked(open).mockResolvedValue("/home/ana/eurofxref-hist.csv");
    await screen.findByTestId("commissions-count");
    await user.click(screen.getByText("Import FX rates…"));
    const text = await screen.findByTestId("fx-preview-text");
    expect(text).toHaveTextContent(
      "The file holds 230,702 rates for 7,280 days. Importing them computes 2 commission lines worth $15.00 that waited for a rate. Columns of currencies that no longer exist are skipped: CYP, EEK.",
    );
    expect(screen.getByTestId("fx-preview")).toHaveTextContent("eurofxref-hist.csv");
    // Only the preview so far: a dry run.
    expect(callsTo("fx_import").map((a) => a.dryRun)).toEqual([true]);
    await user.click(screen.getByTestId("fx-preview-import"));
    expect(await screen.findByText("230,702 rates for 7,280 days; 2 commissions computed. Skipped currencies that no longer exist: CYP, EEK.")).toBeInTheDocument();
    expect(callsTo("fx_import").map((a) => a.dryRun)).toEqual([true, false]);
    expect(screen.queryByTestId("fx-preview")).not.toBeInTheDocument();
  });

  it("cancelling the rates preview imports nothing", async () => {
    const none = { conversions: 0, lines: 0, held: 0, reversals: 0, clawbacks: 0, reinstated: 0, bonuses: 0, adjustments: 0, net: null };
    const user = setup({
      fx_import: ({ dryRun }) => [{ rates: 30, days: 1, skipped_currencies: [], dry_run: dryRun }, none],
    });
    vi.mocked(open).mockResolvedValue("/home/ana/rates.csv");
    await screen.findByTestId("commissions-count");
    await user.click(screen.getByText("Import FX rates…"));
    expect(await screen.findByTestId("fx-preview-text")).toHaveTextContent(
      "The file holds 30 rates for 1 day. No commission is waiting for these rates.",
    );
    await user.click(screen.getByText("Cancel"));
    expect(screen.queryByTestId("fx-preview")).not.toBeInTheDocument();
    expect(callsTo("fx_import").map((a) => a.dryRun)).toEqual([true]);
  });
});

describe("CommissionsScreen opened for a selection", () => {
  it("starts on the states and the month it was opened for", async () => {
    setup({}, { states: ["pending"], from: "2026-11-01", to: "2026-11-30" });
    await screen.findByTestId("commissions-count");
    expect(callsTo("commissions_list")[0].query).toMatchObject({ states: ["pending"], from: "2026-11-01", to: "2026-11-30", partner_id: null });
    expect(screen.getByTestId("commissions-state-pending")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("commissions-period")).toHaveValue("2026-11");
  });

  it("shows days that are not one whole month as a range", () => {
    expect(intentFilters({ from: "2026-10-01", to: "2026-11-30" }).period).toEqual({ mode: "range", from: "2026-10-01", to: "2026-11-30" });
    expect(intentFilters({ from: "2026-02-01", to: "2026-02-28" }).period).toEqual({ mode: "month", month: "2026-02" });
    expect(intentFilters({ states: ["approved"] })).toMatchObject({ states: ["approved"], period: { mode: "month", month: "" }, partner: null });
    expect(intentFilters(undefined).states).toEqual([]);
  });
});

