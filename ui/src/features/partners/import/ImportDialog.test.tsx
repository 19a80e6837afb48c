import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ImportOptions } from "../../../bindings/ImportOptions";
import type { ImportPreview } from "../../../bindings/ImportPreview";
import { callsTo, deferred, mockCommands } from "../../../test/tauri";
import type { JobProgress } from "../api";
import { ImportDialog } from "./ImportDialog";

vi.mock("@tauri-apps/api/core", async () => (await import("../../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../../test/tauriModules")).dialogModule());

const preview: ImportPreview = {
  headers: ["Full name", "Email", "Shoe size"],
  suggested: ["name", "email", "ignore"],
  sample: [
    ["Ana Lima", "ana@example.com", "38"],
    ["Bruno Costa", "bruno@example.com", "44"],
  ],
  rows: 120,
};

type Channel = { onmessage: (p: JobProgress) => void };

function setup(importHandler: (args: Record<string, unknown>) => unknown) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockResolvedValue("/data/partners.csv");
  mockCommands({
    partners_import_preview: () => preview,
    partners_import: importHandler,
    job_cancel: () => null,
  });
  const onImported = vi.fn();
  const onClose = vi.fn();
  render(<ImportDialog onClose={onClose} onImported={onImported} />);
  return { onImported, onClose, user: userEvent.setup() };
}

const report = (dry: boolean) => ({ rows: 120, created: 100, updated: 15, skipped: 5, ignored_columns: ["Shoe size"], dry_run: dry });

describe("ImportDialog", () => {
  it("previews, checks, imports with progress and reports the counts", async () => {
    const running = deferred<unknown>();
    const { user, onImported } = setup((args) => {
      const options = args.options as ImportOptions;
      if (options.dry_run) return report(true);
      (args.onProgress as Channel).onmessage({ step: "writing partners", done: 60, total: 120 });
      return running.promise;
    });
    await user.click(screen.getByTestId("import-choose"));
    expect(await screen.findAllByTestId("mapping-row")).toHaveLength(3);
    expect(screen.getByText("partners.csv · 120 rows")).toBeInTheDocument();
    expect(screen.getByText("Ana Lima")).toBeInTheDocument();

    // Keep the shoe size as a custom field.
    await user.selectOptions(screen.getByLabelText("Import column Shoe size as"), "Custom field…");
    expect(screen.getByLabelText("Custom field name for Shoe size")).toHaveValue("shoe_size");
    await user.click(screen.getByLabelText(/Skip them/));
    expect(screen.getByTestId("import-run")).toBeDisabled();

    await user.click(screen.getByTestId("import-check"));
    const result = await screen.findByTestId("import-result");
    expect(within(result).getByText("would be created").nextSibling).toHaveTextContent("100");
    expect(callsTo("partners_import")[0]).toMatchObject({
      path: "/data/partners.csv",
      options: { mapping: ["name", "email", "custom:shoe_size"], on_existing: "skip", dry_run: true },
    });

    await user.click(screen.getByTestId("import-run"));
    expect(await screen.findByTestId("import-progress")).toHaveTextContent("Importing: writing partners");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");
    expect(callsTo("partners_import")[1]).toMatchObject({ options: { dry_run: false } });

    running.resolve(report(false));
    expect(await screen.findByText("Imported 120 rows.")).toBeInTheDocument();
    await user.click(screen.getByTestId("import-done"));
    expect(onImported).toHaveBeenCalledWith(report(false));
  });

  it("blocks Check while the mapping has a problem", async () => {
    const { user } = setup(() => report(true));
    await user.click(screen.getByTestId("import-choose"));
    await screen.findAllByTestId("mapping-row");
    await user.selectOptions(screen.getByLabelText("Import column Shoe size as"), "Email");
    expect(screen.getByText('Columns "Email" and "Shoe size" both map to email.')).toBeInTheDocument();
    expect(screen.getByTestId("import-check")).toBeDisabled();
    await user.selectOptions(screen.getByLabelText("Import column Email as"), "Don't import");
    expect(screen.getByTestId("import-check")).toBeEnabled();
  });

  it("shows the bad row in the core's words", async () => {
    const { user } = setup(() => {
      throw { code: "bad_row", message: 'partners.csv, line 7, column "Email": "ana@" is not an email address', field: null };
    });
    await user.click(screen.getByTestId("import-choose"));
    await screen.findAllByTestId("mapping-row");
    await user.click(screen.getByTestId("import-check"));
    expect(await screen.findByTestId("import-error")).toHaveTextContent(
      'partners.csv, line 7, column "Email": "ana@" is not an email address.',
    );
    expect(screen.getByTestId("import-run")).toBeDisabled();
  });

  it("cancels a running import", async () => {
    const running = deferred<unknown>();
    const { user } = setup((args) => ((args.options as ImportOptions).dry_run ? report(true) : running.promise));
    await user.click(screen.getByTestId("import-choose"));
    await screen.findAllByTestId("mapping-row");
    await user.click(screen.getByTestId("import-check"));
    await screen.findByTestId("import-result");
    await user.click(screen.getByTestId("import-run"));
    await user.click(await screen.findByTestId("import-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    running.reject({ code: "cancelled", message: "cancelled; nothing was changed", field: null });
    expect(await screen.findByTestId("import-error")).toHaveTextContent("Import cancelled; nothing was changed.");
  });
});
