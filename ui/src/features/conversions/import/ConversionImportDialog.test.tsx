import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConversionImportOptions } from "../../../bindings/ConversionImportOptions";
import type { ConversionImportReport } from "../../../bindings/ConversionImportReport";
import type { ImportInspection } from "../../../bindings/ImportInspection";
import type { JobProgress } from "../../../bindings/JobProgress";
import { callsTo, deferred, mockCommands } from "../../../test/tauri";
import { ConversionImportDialog } from "./ConversionImportDialog";

vi.mock("@tauri-apps/api/core", async () => (await import("../../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../../test/tauriModules")).dialogModule());

const inspection: ImportInspection = {
  file: "payments.csv",
  headers: ["id", "Created (UTC)", "Amount", "Currency", "ref"],
  sample: [["ch_1", "2026-01-02 10:00", "49.00", "usd", "ana"]],
  presets: [
    { preset: "stripe", columns: [{ header: "id", field: "external_id" }, { header: "Created (UTC)", field: "occurred_at" }, { header: "Amount", field: "amount" }], missing: [] },
    { preset: "shopify", columns: [], missing: ["external_id", "occurred_at"] },
    { preset: "paypal", columns: [{ header: "Currency", field: "currency" }], missing: ["occurred_at", "type", "status"] },
    { preset: "partnerstack", columns: [], missing: ["external_id"] },
    { preset: "generic", columns: [{ header: "Amount", field: "amount" }], missing: ["external_id", "occurred_at"] },
  ],
  suggested: "stripe",
  fields: ["external_id", "occurred_at", "amount", "currency", "referral_code", "coupon_code"],
  code_columns: [],
};

const report = (dry: boolean): ConversionImportReport => ({
  rows: 120,
  recorded: 110,
  refunds: 0,
  existing: 5,
  skipped: { "not a completed charge": 5 },
  unattributed: 2,
  commissions: { conversions: 110, lines: 108, held: 3, reversals: 1, clawbacks: 0, reinstated: 0, bonuses: 0, adjustments: 0, net: null },
  dry_run: dry,
  notes: [],
});

function setup(importer: (args: Record<string, unknown>) => unknown, look: ImportInspection = inspection) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockResolvedValue("/data/payments.csv");
  mockCommands({ conversions_inspect: () => look, conversions_import: importer, job_cancel: () => null });
  const onImported = vi.fn();
  const onClose = vi.fn();
  render(<ConversionImportDialog baseCurrency="USD" onClose={onClose} onImported={onImported} />);
  return { user: userEvent.setup(), onImported, onClose };
}

type Channel = { onmessage: (p: JobProgress) => void };

describe("ConversionImportDialog", () => {
  it("proposes reading a column of partners' codes the layout leaves unread", async () => {
    const look = { ...inspection, code_columns: [{ header: "ref", field: "referral_code", example: "ana", matches: 1 }] };
    const { user } = setup(() => report(true), look);
    await user.click(screen.getByTestId("conversions-import-choose"));
    expect(await screen.findByTestId("conversions-import-code-columns")).toHaveTextContent("“ref” holds partners' codes (e.g. ana)");
    expect(screen.getAllByTestId("conversions-import-column")).toHaveLength(4);
    await user.click(screen.getByTestId("conversions-import-check"));
    await screen.findByTestId("conversions-import-result");
    expect(callsTo("conversions_import")[0]).toMatchObject({ options: { mapping: ["ref=referral_code"] } });
  });

  it("inspects, checks, imports with progress and reports", async () => {
    const running = deferred<unknown>();
    const { user, onImported, onClose } = setup((args) => {
      if ((args.options as ConversionImportOptions).dry_run) return report(true);
      (args.onProgress as Channel).onmessage({ step: "recording conversions", done: 30, total: 120 });
      return running.promise;
    });
    await user.click(screen.getByTestId("conversions-import-choose"));
    expect(await screen.findByRole("radio", { name: /Stripe payments export · detected/ })).toBeChecked();
    expect(screen.getAllByTestId("conversions-import-column")).toHaveLength(3);
    expect(within(screen.getByTestId("conversions-import-sample")).getByText("ana")).toBeInTheDocument();
    expect(screen.queryByTestId("conversions-import-day-first")).not.toBeInTheDocument();

    // Read the "ref" column as the referral code.
    await user.click(screen.getByTestId("conversions-import-add-override"));
    await user.selectOptions(screen.getByLabelText("Column of choice 1"), "ref");
    await user.selectOptions(screen.getByLabelText("Field of choice 1"), "Referral code");
    expect(screen.getAllByTestId("conversions-import-column")).toHaveLength(4);

    await user.click(screen.getByTestId("conversions-import-check"));
    const result = await screen.findByTestId("conversions-import-result");
    expect(result).toHaveTextContent("120 rows read: 110 would be recorded, 5 already in the book, 5 skipped, 2 unattributed. Nothing has been written yet.");
    expect(result).toHaveTextContent("Not a completed charge");
    expect(callsTo("conversions_import")[0]).toMatchObject({
      path: "/data/payments.csv",
      options: { preset: "stripe", mapping: ["ref=referral_code"], source: null, day_first: false, month_first: false, dry_run: true },
    });

    await user.click(screen.getByTestId("conversions-import-run"));
    expect(await screen.findByTestId("conversions-import-progress")).toHaveTextContent("Importing: recording conversions");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    expect(screen.getByTestId("conversions-import-cancel")).toBeInTheDocument();
    expect(callsTo("conversions_import")[1]).toMatchObject({ options: { dry_run: false } });

    running.resolve(report(false));
    expect(await screen.findByText(/Imported\. 120 rows read: 110 recorded/)).toBeInTheDocument();
    await user.click(screen.getByTestId("conversions-import-done"));
    expect(onImported).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("blocks Check until every required field has a column, and offers day-first dates for PayPal", async () => {
    const { user } = setup(() => report(true));
    await user.click(screen.getByTestId("conversions-import-choose"));
    await user.click(await screen.findByRole("radio", { name: /Generic/ }));
    expect(screen.getByTestId("conversions-import-missing")).toHaveTextContent("Missing required: External id, Date.");
    expect(screen.getByTestId("conversions-import-check")).toBeDisabled();

    await user.click(screen.getByTestId("conversions-import-add-override"));
    await user.selectOptions(screen.getByLabelText("Column of choice 1"), "id");
    await user.selectOptions(screen.getByLabelText("Field of choice 1"), "External id");
    await user.click(screen.getByTestId("conversions-import-add-override"));
    await user.selectOptions(screen.getByLabelText("Column of choice 2"), "id");
    await user.selectOptions(screen.getByLabelText("Field of choice 2"), "Date");
    expect(screen.getByText('Column "id" is mapped twice.')).toBeInTheDocument();
    expect(screen.getByTestId("conversions-import-check")).toBeDisabled();
    await user.selectOptions(screen.getByLabelText("Column of choice 2"), "Created (UTC)");
    expect(screen.queryByTestId("conversions-import-missing")).not.toBeInTheDocument();
    expect(screen.getByTestId("conversions-import-check")).toBeEnabled();

    await user.click(screen.getByRole("radio", { name: /PayPal/ }));
    await user.click(screen.getByTestId("conversions-import-day-first"));
    expect(screen.getByTestId("conversions-import-missing")).toHaveTextContent("choose another format");
  });

  it("shows a bad row in full and says nothing was written", async () => {
    const { user } = setup(() => {
      throw { code: "bad_row", message: 'payments.csv, line 7, column "Amount": "12,x" is not an amount', field: null };
    });
    await user.click(screen.getByTestId("conversions-import-choose"));
    await user.click(await screen.findByTestId("conversions-import-check"));
    expect(await screen.findByTestId("conversions-import-error")).toHaveTextContent(
      'payments.csv, line 7, column "Amount": "12,x" is not an amount. Nothing was written.',
    );
    expect(screen.getByTestId("conversions-import-run")).toBeDisabled();
  });

  it("cancels a running check", async () => {
    const running = deferred<unknown>();
    const { user } = setup(() => running.promise);
    await user.click(screen.getByTestId("conversions-import-choose"));
    await user.click(await screen.findByTestId("conversions-import-check"));
    await user.click(await screen.findByTestId("conversions-import-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    running.reject({ code: "cancelled", message: "cancelled", field: null });
    expect(await screen.findByTestId("conversions-import-error")).toHaveTextContent("Check cancelled; nothing was written.");
  });
});
