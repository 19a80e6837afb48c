import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JobProgress } from "../../bindings/JobProgress";
import type { LineQuery } from "../../bindings/LineQuery";
import type { PayoutLine } from "../../bindings/PayoutLine";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { Readiness } from "../../bindings/Readiness";
import { ToastProvider } from "../../components/Toast";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { type PayoutsIntent, PayoutsScreen } from "./PayoutsScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const usd = (minor: number) => ({ minor, currency: "USD" });
const FINGERPRINT = "a1b2c3d4e5f6".padEnd(64, "0");

function run(id: number, patch: Partial<PayoutRun> = {}): PayoutRun {
  return {
    id,
    through: "2026-04-30",
    status: "draft",
    fingerprint: null,
    backup_path: null,
    created_at: "2026-05-02T09:00:00Z",
    approved_at: null,
    paid_count: 12,
    held_count: 2,
    total: usd(123456),
    pay_totals: [usd(100000), { minor: 20000, currency: "EUR" }],
    carried_forward: usd(4200),
    settled_paid: 0,
    settled_failed: 0,
    ...patch,
  };
}

function line(id: number, patch: Partial<PayoutLine> = {}): PayoutLine {
  return {
    id,
    partner_id: id,
    partner_name: "Ana Lima",
    partner_email: "ana@example.com",
    commissions: usd(25000),
    clawbacks: usd(-1000),
    carried: usd(0),
    adjustments: usd(2000),
    balance: usd(26000),
    pay: { minor: 24000, currency: "EUR" },
    fx_rate: "0.9231",
    method: "iban",
    account_masked: "…3000",
    blocked: [],
    status: "draft",
    reference: null,
    failure: null,
    settled_at: null,
    unclaimed_since: null,
    ...patch,
  };
}

const held = line(9, {
  partner_name: "Bruno Costa",
  partner_email: "bruno@example.com",
  pay: null,
  fx_rate: null,
  method: "none",
  account_masked: "",
  status: "held",
  blocked: ["no payout method", "tax form missing: W-9 or W-8BEN needed"],
});

const readiness: Readiness = {
  run_id: 3,
  blockers: 3,
  warnings: 2,
  items: [
    { severity: "blocker", check: "payout_method", partner_id: 9, partner_name: "Bruno Costa", message: "no payout method", balance: { minor: 12000, currency: "USD" } },
    { severity: "warning", check: "details_changed", partner_id: 1, partner_name: "Ana Lima", message: "payout details changed since run #2", balance: { minor: 20000, currency: "USD" } },
    { severity: "blocker", check: "tax_form", partner_id: 9, partner_name: "Bruno Costa", message: "tax form missing: W-9 or W-8BEN needed", balance: { minor: 12000, currency: "USD" } },
    { severity: "warning", check: "near_minimum", partner_id: 4, partner_name: "Dina Reyes", message: "$45.00 is 90% of the minimum payout", balance: { minor: 4500, currency: "USD" } },
    { severity: "blocker", check: "payout_method", partner_id: 5, partner_name: "Eli Moss", message: "no payout method", balance: { minor: 12000, currency: "USD" } },
  ],
};

type Handlers = Parameters<typeof mockCommands>[0];

function setup(extra: Handlers = {}, initial?: PayoutsIntent) {
  vi.mocked(invoke).mockReset();
  vi.mocked(save).mockReset();
  const runs = new Map<number, PayoutRun>([
    [3, run(3)],
    [2, run(2, { status: "approved", through: "2026-03-31", fingerprint: FINGERPRINT, backup_path: "/b/Acme before-payout-run-2.partnerbook", approved_at: "2026-04-03T10:00:00Z", settled_paid: 4 })],
    [1, run(1, { status: "discarded", through: "2026-02-28" })],
  ]);
  mockCommands({
    payout_runs_list: () => [...runs.values()],
    payout_run_get: ({ id }) => runs.get(id as number),
    payout_lines: ({ query }) => {
      const q = query as LineQuery;
      const pending = runs.get(q.run_id)?.status === "approved";
      const all = [line(1, { status: pending ? "pending" : "draft" }), held];
      const rows = all.filter((l) => (q.filter === "held" ? l.status === "held" : q.filter === "paid" ? l.status !== "held" : true));
      return { total: rows.length, rows };
    },
    payout_readiness: () => readiness,
    payout_adjustments: () => [],
    payout_payer_get: () => ({ name: "Acme Ltd", iban: "", bic: "" }),
    partners_search: () => ({ total: 1, offset: 0, rows: [{ id: 7, name: "Carla Diaz", email: "carla@example.com" }] }),
    partner_get: ({ id }) => ({ id, name: "Carla Diaz" }),
    payout_run_approve: ({ id }) => {
      const approved = { ...runs.get(id as number)!, status: "approved" as const, fingerprint: FINGERPRINT, backup_path: "/b/backup.partnerbook", approved_at: "2026-05-03T08:00:00Z" };
      runs.set(id as number, approved);
      return approved;
    },
    job_cancel: () => null,
    ...extra,
  });
  render(
    <ToastProvider>
      <PayoutsScreen baseCurrency="USD" initial={initial} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const runRow = (id: number) => screen.getAllByTestId("payout-run-row").find((r) => r.dataset.id === String(id))!;

async function openRun(user: ReturnType<typeof userEvent.setup>, id: number) {
  await user.click(await screen.findByText(`#${id}`));
  await screen.findByText(`Payout run #${id}`);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 5, 15, 12, 0));
});
afterEach(() => vi.useRealTimers());

describe("PayoutsScreen", () => {
  it("lists the runs with their status, counts, totals and fingerprint", async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId("payout-run-row")).toHaveLength(3));
    expect(screen.getByTestId("payouts-count")).toHaveTextContent("3 runs");
    expect(screen.getAllByTestId("payout-run-row").map((r) => r.dataset.id)).toEqual(["3", "2", "1"]);
    const draft = runRow(3);
    expect(within(draft).getByText("Draft")).toBeInTheDocument();
    expect(within(draft).getByText("Apr 30, 2026")).toBeInTheDocument();
    expect(within(draft).getByText("12")).toBeInTheDocument();
    expect(within(draft).getByText("$1,234.56")).toBeInTheDocument();
    expect(within(draft).getByText("$1,000.00 + €200.00")).toBeInTheDocument();
    expect(within(runRow(2)).getByText("Approved")).toBeInTheDocument();
    expect(within(runRow(2)).getByText("a1b2c3d4e5f6")).toBeInTheDocument();
    expect(within(runRow(1)).getByText("Discarded")).toBeInTheDocument();
    expect(await screen.findByTestId("payer-name")).toHaveTextContent("Acme Ltd");
  });

  it("creates a draft through the chosen day, with progress, then opens it", async () => {
    const creating = deferred<PayoutRun>();
    const user = setup({
      payout_run_create: (args) => {
        (args.onProgress as { onmessage: (p: JobProgress) => void }).onmessage({ step: "Adding up balances", done: 3, total: 10 });
        return creating.promise;
      },
    });
    await user.click(await screen.findByTestId("payouts-new-run"));
    const through = screen.getByTestId("payout-through");
    expect(through).toHaveValue("2026-05-31");
    await user.clear(through);
    await user.type(through, "2026-04-30");
    await user.click(screen.getByTestId("payout-create"));
    expect(callsTo("payout_run_create")).toMatchObject([{ through: "2026-04-30" }]);
    expect(await screen.findByTestId("payout-job")).toHaveTextContent("Creating the run through Apr 30, 2026: Adding up balances");
    expect(screen.getByTestId("payout-create")).toBeDisabled();
    creating.resolve(run(3));
    expect(await screen.findByText("Payout run #3")).toBeInTheDocument();
    expect(screen.queryByTestId("payout-new-run-dialog")).not.toBeInTheDocument();
    expect(await screen.findByTestId("payout-step-preview")).toHaveAttribute("aria-current", "step");
    expect(await screen.findByText(/Draft run #3 through Apr 30, 2026: 12 partners to pay, 2 held\./)).toBeInTheDocument();
  });

  it("cancels creating a run", async () => {
    const creating = deferred<PayoutRun>();
    const user = setup({ payout_run_create: () => creating.promise });
    await user.click(await screen.findByTestId("payouts-new-run"));
    await user.click(screen.getByTestId("payout-create"));
    await user.click(await screen.findByTestId("payout-job-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    expect(screen.getByTestId("payout-job-cancel")).toHaveTextContent("Cancelling…");
    creating.reject({ code: "cancelled", message: "cancelled", field: null });
    expect(await screen.findByTestId("payout-create-error")).toHaveTextContent("Cancelled: no run was created.");
    expect(screen.queryByTestId("payout-job")).not.toBeInTheDocument();
    expect(screen.getByTestId("payout-create")).toBeEnabled();
  });

  it("offers to open the draft that stands in the way", async () => {
    const user = setup({
      payout_run_create: () => {
        throw { code: "conflict", message: "run #3 is still a draft: approve or discard it first", field: "run" };
      },
    });
    await user.click(await screen.findByTestId("payouts-new-run"));
    await user.click(screen.getByTestId("payout-create"));
    expect(await screen.findByTestId("payout-create-error")).toHaveTextContent("Run: run #3 is still a draft: approve or discard it first.");
    await user.click(screen.getByTestId("payout-open-draft"));
    expect(await screen.findByText("Payout run #3")).toBeInTheDocument();
  });

  it("shows a draft's summary and its lines", async () => {
    const user = setup();
    await openRun(user, 3);
    expect(await screen.findByTestId("payout-summary-paid")).toHaveTextContent("Will be paid$1,234.5612 partners");
    expect(screen.getByTestId("payout-summary-held")).toHaveTextContent("2 partners$42.00 carried forward");
    const rows = await screen.findAllByTestId("payout-line-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText("€240.00")).toHaveAttribute("title", "1 USD = 0.9231 EUR");
    expect(within(rows[0]).getByText("Bank transfer")).toBeInTheDocument();
    expect(within(rows[0]).getByText("…3000")).toBeInTheDocument();
    expect(within(rows[0]).getByText("To pay")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Held")).toBeInTheDocument();
    expect(screen.getAllByTestId("payout-line-blocked")).toHaveLength(1);

    await user.click(screen.getByTestId("payout-lines-held"));
    await waitFor(() => expect(screen.getAllByTestId("payout-line-row")).toHaveLength(1));
    expect(callsTo("payout_lines").at(-1)).toMatchObject({ query: { run_id: 3, filter: "held", offset: 0 } });
  });

  it("puts a held line's reasons in a full-width row under it, not in a column", async () => {
    const user = setup();
    await openRun(user, 3);
    const [toPay, heldRow] = await screen.findAllByTestId("payout-line-row");
    expect(within(toPay).queryByTestId("payout-line-blocked")).toBeNull();
    expect(within(heldRow).queryByTestId("payout-line-blocked")).toBeNull();
    expect(heldRow).not.toHaveTextContent("no payout method");

    const reasonsRow = heldRow.nextElementSibling as HTMLElement;
    expect(reasonsRow.tagName).toBe("TR");
    expect(reasonsRow).not.toHaveAttribute("data-testid", "payout-line-row");
    const cell = within(reasonsRow).getByTestId("payout-line-blocked");
    expect(reasonsRow.children).toHaveLength(1);
    expect(cell).toHaveAttribute("colspan", String(heldRow.children.length));
    expect(cell).toHaveTextContent(/^Not paid:/);
    expect([...cell.querySelectorAll(".po-reason")].map((r) => r.textContent)).toEqual([
      "no payout method",
      "tax form missing: W-9 or W-8BEN needed",
    ]);
    // A line that is paid has no reasons row.
    expect(toPay.nextElementSibling).toBeNull();
    // A draft has nothing settled: no last column for notes.
    expect(within(screen.getByTestId("payout-lines-table")).queryByRole("columnheader", { name: "Notes" })).toBeNull();
  });

  it("groups readiness by check, decisions first, routine holds folded last; a partner opens beside the run", async () => {
    const user = setup();
    await openRun(user, 3);
    await user.click(screen.getByTestId("payout-step-readiness"));
    expect(await screen.findByTestId("readiness-counts")).toHaveTextContent("3 blockers2 warnings");
    const groups = screen.getAllByTestId("readiness-group");
    expect(groups.map((g) => g.querySelector(".po-check-title")!.textContent)).toEqual([
      "Payout details changed1",
      "Payout method2",
      "Tax forms1",
      "Just below the minimum1$45.00",
    ]);
    expect(groups[1]).toHaveClass("po-check-blocker");
    expect(groups[0]).toHaveClass("po-check-warning");
    expect(groups[3].tagName).toBe("DETAILS");
    expect(groups[3]).not.toHaveAttribute("open");
    const items = within(groups[1]).getAllByTestId("readiness-item");
    expect(items.map((i) => i.textContent)).toEqual(["Bruno Costano payout method", "Eli Mossno payout method"]);
    expect(screen.getAllByTestId("readiness-item")).toHaveLength(5);
    await user.click(within(items[1]).getByTestId("readiness-partner"));
    expect(await screen.findByTestId("panel-close")).toBeInTheDocument();
    expect(vi.mocked(invoke).mock.calls.some(([cmd, args]) => cmd === "partner_get" && (args as { id: number }).id === 5)).toBe(true);
    await user.click(screen.getByTestId("panel-close"));
    expect(screen.queryByTestId("panel-close")).toBeNull();
  });

  it("approves only once the run's number is typed, then shows the fingerprint and backup", async () => {
    const user = setup();
    await openRun(user, 3);
    await user.click(screen.getByTestId("payout-step-approve"));
    await user.click(await screen.findByTestId("payout-approve"));
    expect(screen.getByTestId("payout-approve-what")).toHaveTextContent(
      "12 partners will be paid $1,234.56. The book is backed up first. The run is then locked: nothing in it can change.",
    );
    await user.click(screen.getByTestId("payout-approve-confirm"));
    expect(screen.getByText("Type 3, the run's number, to approve it.")).toBeInTheDocument();
    await user.type(screen.getByTestId("payout-approve-typed"), "2");
    await user.click(screen.getByTestId("payout-approve-confirm"));
    expect(callsTo("payout_run_approve")).toHaveLength(0);

    await user.clear(screen.getByTestId("payout-approve-typed"));
    await user.type(screen.getByTestId("payout-approve-typed"), "3");
    await user.click(screen.getByTestId("payout-approve-confirm"));
    expect(callsTo("payout_run_approve")).toMatchObject([{ id: 3 }]);
    expect(await screen.findByTestId("payout-fingerprint")).toHaveTextContent(FINGERPRINT);
    expect(screen.getByTestId("payout-backup-path")).toHaveTextContent("/b/backup.partnerbook");
    expect(screen.getByTestId("payout-approved")).toHaveTextContent("Run #3 is approved and locked.");
    expect(screen.getByTestId("payout-step-export")).toHaveAttribute("aria-current", "step");
    expect(screen.queryByTestId("payout-approve-dialog")).not.toBeInTheDocument();
  });

  it("discards a draft only after asking", async () => {
    const user = setup({ payout_run_discard: ({ id }) => run(id as number, { status: "discarded" }) });
    await openRun(user, 3);
    await user.click(screen.getByTestId("payout-step-approve"));
    await user.click(await screen.findByTestId("payout-discard"));
    expect(callsTo("payout_run_discard")).toHaveLength(0);
    await user.click(screen.getByTestId("payout-discard-confirm"));
    expect(callsTo("payout_run_discard")).toEqual([{ id: 3 }]);
    expect(await screen.findByText("Discarded draft run #3; its commissions are back to approved.")).toBeInTheDocument();
  });

  it("adds an adjustment with a reason, then reads the run and its lines again", async () => {
    const user = setup({
      payout_adjust: (args) => ({ id: 1, partner_id: 7, kind: "bonus", amount: usd(2000), reason: args.reason, payout_id: null, created_at: "2026-05-02T10:00:00Z" }),
    });
    await openRun(user, 3);
    await user.click(screen.getByTestId("payout-step-adjustments"));
    await user.click(await screen.findByTestId("payout-adjust-add"));
    expect(screen.getByText("Say why: the reason is kept with the adjustment.")).toBeInTheDocument();
    expect(callsTo("payout_adjust")).toHaveLength(0);

    await user.type(screen.getByTestId("payout-adjust-partner"), "car");
    await user.click(await screen.findByRole("option", { name: /Carla Diaz/ }));
    await user.type(screen.getByTestId("payout-adjust-amount"), "20.00");
    await user.type(screen.getByTestId("payout-adjust-reason"), "Launch bonus");
    const runReads = callsTo("payout_run_get").length;
    await user.click(screen.getByTestId("payout-adjust-add"));
    expect(callsTo("payout_adjust")).toEqual([{ runId: 3, partnerId: 7, amount: "20.00", kind: null, reason: "Launch bonus" }]);
    expect(await screen.findByText("Added a bonus of +$20.00 for Carla Diaz.")).toBeInTheDocument();
    await waitFor(() => expect(callsTo("payout_run_get").length).toBeGreaterThan(runReads));
    expect(callsTo("payout_adjustments").length).toBeGreaterThanOrEqual(2);
  });

  it("exports the chosen format to the file picked", async () => {
    const user = setup({
      payout_export: ({ format, path }) => ({
        run_id: 2,
        format,
        files: [{ path, payouts: 3, total: { minor: 60000, currency: "EUR" }, sha256: "f".repeat(64) }],
        skipped: [{ partner_id: 8, partner_name: "Dina Reyes", reason: "paid by paypal, not in this file" }],
        notes: ["The bank is asked to execute the transfers on 2026-12-07."],
      }),
    });
    vi.mocked(save).mockResolvedValue("/home/ana/payout-run-2-sepa.xml");
    await openRun(user, 2);
    expect(screen.getByTestId("payout-step-export")).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("payout-fingerprint")).toHaveTextContent(FINGERPRINT);
    await user.click(screen.getByTestId("payout-export-sepa"));
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "payout-run-2-sepa.xml", filters: [{ extensions: ["xml"] }] });
    expect(callsTo("payout_export")).toEqual([{ runId: 2, format: "sepa", path: "/home/ana/payout-run-2-sepa.xml", options: { execution_date: null } }]);
    const report = await screen.findByTestId("payout-export-report");
    expect(report).toHaveTextContent("Wrote 1 SEPA XML file.");
    expect(within(report).getByTestId("payout-export-file")).toHaveTextContent("payout-run-2-sepa.xml3 payouts€600.00");
    expect(within(report).getByTestId("payout-export-skipped")).toHaveTextContent("Dina Reyes paid by paypal, not in this file");
    expect(within(report).getByTestId("payout-export-notes")).toHaveTextContent("The bank is asked to execute the transfers on 2026-12-07.");
  });

  it("says how the run is paid: each provider's uploads, what is left by hand, and what was written", async () => {
    let written: string | null = null;
    const user = setup({
      payout_coverage: () => [
        {
          format: "paypal",
          payouts: 3,
          totals: [
            { minor: 40000, currency: "EUR" },
            { minor: 20000, currency: "USD" },
          ],
          files: 2,
          written_at: "2026-12-01T09:00:00Z",
        },
        { format: "manual", payouts: 2, totals: [{ minor: 42000, currency: "PLN" }], files: 1, written_at: written },
      ],
      payout_by_hand_pdf: () => 2,
      payout_export: ({ format, path }) => {
        written = "2026-12-01T09:05:00Z";
        return { run_id: 2, format, files: [{ path, payouts: 2, total: { minor: 20000, currency: "EUR" }, sha256: "c".repeat(64) }], skipped: [], notes: [] };
      },
    });
    vi.mocked(save).mockResolvedValue("/home/ana/payout-run-2-manual.csv");
    await openRun(user, 2);
    const rows = await screen.findAllByTestId("payout-coverage-row");
    expect(rows[0]).toHaveTextContent("PayPal · 3 payouts · €400.00 + $200.00");
    expect(rows[0]).toHaveTextContent("2 files to upload: PayPal takes one currency per file; written");
    expect(within(rows[0]).getByLabelText("Written")).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("By hand · 2 payouts · PLN 420.00");
    expect(rows[1]).toHaveTextContent("not in any provider's file: pay these from your bank");
    expect(within(rows[1]).getByLabelText("Not written yet")).toBeInTheDocument();
    await user.click(screen.getByTestId("payout-coverage-export-manual"));
    expect(callsTo("payout_export")).toEqual([{ runId: 2, format: "manual", path: "/home/ana/payout-run-2-manual.csv", options: { execution_date: null } }]);
    await waitFor(() => expect(within(screen.getAllByTestId("payout-coverage-row")[1]).getByLabelText("Written")).toBeInTheDocument());
    vi.mocked(save).mockResolvedValue("/home/ana/payout-run-2-by-hand.pdf");
    await user.click(screen.getByTestId("payout-coverage-by-hand-pdf"));
    expect(callsTo("payout_by_hand_pdf")).toEqual([{ runId: 2, path: "/home/ana/payout-run-2-by-hand.pdf" }]);
    expect(await screen.findByText("Saved 2 transfers to make by hand in payout-run-2-by-hand.pdf.")).toBeInTheDocument();
  });

  it("remembers the run's month-end: steps done and left, and a timeline with file hashes", async () => {
    const user = setup({
      payout_month_end: () => ({
        run_id: 2,
        steps: [
          { key: "approve", done: true, detail: "4 partners, $1,234.56" },
          { key: "files", done: false, detail: "not written yet: Wise" },
          { key: "statements", done: true, detail: "4 statements in /home/ana/run-2" },
          { key: "emails", done: false, detail: "3 sent, 0 waiting, 1 failed of 4" },
          { key: "paid", done: false, detail: "0 paid, 0 failed, 4 still to mark" },
        ],
        events: [{ at: "2026-04-03T10:05:00Z", what: "Wrote the paypal file /home/ana/p.csv (3 payouts)", sha256: "d".repeat(64) }],
      }),
    });
    await openRun(user, 2);
    const steps = await screen.findAllByTestId("run-checklist-step");
    expect(steps.map((s) => [s.dataset.key, s.dataset.done])).toEqual([
      ["approve", "true"],
      ["files", "false"],
      ["statements", "true"],
      ["emails", "false"],
      ["paid", "false"],
    ]);
    expect(steps[3]).toHaveTextContent("Statement emails3 sent, 0 waiting, 1 failed of 4");
    expect(screen.getByTestId("run-timeline")).toHaveTextContent("Wrote the paypal file /home/ana/p.csv (3 payouts) dddddddddddd");
  });

  it("opens an exported file, or shows it in its folder", async () => {
    const user = setup({
      payout_export: ({ format }) => ({
        run_id: 2,
        format,
        files: [
          { path: "/home/ana/payout-run-2-paypal-EUR.csv", payouts: 2, total: { minor: 40000, currency: "EUR" }, sha256: "a".repeat(64) },
          { path: "/home/ana/payout-run-2-paypal-USD.csv", payouts: 1, total: { minor: 20000, currency: "USD" }, sha256: "b".repeat(64) },
        ],
        skipped: [],
        notes: [],
      }),
      file_open: () => null,
      file_reveal: () => {
        throw { code: "io", message: "no file manager found", field: null };
      },
    });
    vi.mocked(save).mockResolvedValue("/home/ana/payout-run-2-paypal.csv");
    await openRun(user, 2);
    await user.click(screen.getByTestId("payout-export-paypal"));
    const files = await screen.findAllByTestId("payout-export-file");
    await user.click(within(files[1]).getByRole("button", { name: "Open payout-run-2-paypal-USD.csv" }));
    expect(callsTo("file_open")).toEqual([{ path: "/home/ana/payout-run-2-paypal-USD.csv" }]);
    await user.click(screen.getByTestId("payout-export-reveal"));
    expect(callsTo("file_reveal")).toEqual([{ path: "/home/ana/payout-run-2-paypal-EUR.csv" }]);
    expect(await screen.findByTestId("payout-export-file-error")).toHaveTextContent("No file manager found.");
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const user = setup({ payout_export: () => null });
    vi.mocked(save).mockResolvedValue(null);
    await openRun(user, 2);
    await user.click(screen.getByTestId("payout-export-paypal"));
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "payout-run-2-paypal.csv" });
    expect(callsTo("payout_export")).toHaveLength(0);
  });

  it("marks every pending payout paid with a reference, and one line failed with a reason", async () => {
    const user = setup({ payout_mark_paid: () => 8, payout_mark_failed: () => null });
    await openRun(user, 2);
    await user.click(screen.getByTestId("payout-step-paying"));
    expect(await screen.findByTestId("payout-settled")).toHaveTextContent("4 paid · 0 failed · 8 pending");
    await user.click(screen.getByTestId("payout-mark-all-paid"));
    await user.click(screen.getByTestId("payout-mark-paid-confirm"));
    expect(screen.getByText("Enter the payment's reference.")).toBeInTheDocument();
    await user.type(screen.getByTestId("payout-reference"), "PP-BATCH-77");
    await user.click(screen.getByTestId("payout-mark-paid-confirm"));
    expect(callsTo("payout_mark_paid")).toEqual([{ runId: 2, partnerId: null, reference: "PP-BATCH-77" }]);
    expect(await screen.findByText("Marked 8 payouts paid.")).toBeInTheDocument();

    const pending = (await screen.findAllByTestId("payout-line-row"))[0];
    expect(within(pending).getByText("Pending")).toBeInTheDocument();
    await user.click(within(pending).getByTestId("payout-line-mark-failed"));
    await user.type(screen.getByTestId("payout-failure-reason"), "account closed");
    await user.click(screen.getByTestId("payout-mark-failed-confirm"));
    expect(callsTo("payout_mark_failed")).toEqual([{ runId: 2, partnerId: 1, reason: "account closed" }]);
  });

  it("reads a result file first, shows what it would record, and records it when asked", async () => {
    const user = setup({
      payout_reconcile: ({ dryRun }) => ({ paid: 2, failed: 1, unchanged: 0, unclaimed: 1, skipped: 3, dry_run: dryRun }),
    });
    vi.mocked(open).mockResolvedValue("/home/ana/payouts-report.csv");
    await openRun(user, 2);
    await user.click(screen.getByTestId("payout-step-paying"));
    await user.click(await screen.findByTestId("payout-reconcile"));
    const proposal = await screen.findByTestId("payout-reconcile-proposal");
    expect(proposal).toHaveTextContent("payouts-report.csv would record 2 paid, 1 failed, 0 unchanged, 1 unclaimed");
    expect(proposal).toHaveTextContent("3 rows about no payout of this run skipped");
    expect(callsTo("payout_reconcile")).toEqual([{ runId: 2, path: "/home/ana/payouts-report.csv", dryRun: true }]);
    await user.click(screen.getByTestId("payout-reconcile-record"));
    expect(await screen.findByTestId("payout-reconcile-report")).toHaveTextContent("Result file read: 2 paid, 1 failed");
    expect(callsTo("payout_reconcile")[1]).toEqual({ runId: 2, path: "/home/ana/payouts-report.csv", dryRun: false });
  });

  it("verifies the fingerprint", async () => {
    const user = setup({ payout_run_verify: () => true });
    await openRun(user, 2);
    await user.click(screen.getByTestId("payout-verify"));
    expect(await screen.findByTestId("payout-verify-result")).toHaveTextContent("Matches: the run is exactly as approved");
    expect(callsTo("payout_run_verify")).toEqual([{ id: 2 }, { id: 2 }]);
    expect(screen.queryByTestId("payout-tampered")).toBeNull();
  });

  it("says so at once when an approved run was changed after approval", async () => {
    const user = setup({ payout_run_verify: () => false });
    await openRun(user, 2);
    expect(await screen.findByTestId("payout-tampered")).toHaveTextContent(
      "Run #2 was changed outside Partnerbook after it was approved: its payouts no longer match its fingerprint.",
    );
  });

  it("shows a paying account error next to its field", async () => {
    const user = setup({
      payout_payer_set: () => {
        throw { code: "invalid_input", message: "check digits do not match", field: "iban" };
      },
    });
    await user.click(await screen.findByTestId("payer-edit"));
    await user.type(screen.getByTestId("payer-iban"), "DE00 1234");
    await user.click(screen.getByTestId("payer-save"));
    expect(await screen.findByText("Check digits do not match.")).toBeInTheDocument();
    expect(screen.getByTestId("payer-iban")).toHaveAttribute("aria-invalid", "true");
    expect(callsTo("payout_payer_set")).toEqual([{ iban: "DE00 1234", bic: "" }]);
  });
});

describe("PayoutsScreen opened for a new run", () => {
  it("opens the New payout run dialog over the list", async () => {
    setup({}, { newRun: true });
    expect(await screen.findByRole("dialog", { name: "New payout run" })).toBeInTheDocument();
    expect(screen.getByTestId("payout-through")).toBeInTheDocument();
  });
});
