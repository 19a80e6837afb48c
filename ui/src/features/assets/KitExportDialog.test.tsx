import { invoke } from "@tauri-apps/api/core";
import { save } from "@tauri-apps/plugin-dialog";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { JobProgress } from "../../bindings/JobProgress";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { KitExportDialog } from "./KitExportDialog";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const GROUPS = [{ id: 5, name: "Bloggers", description: "", partner_count: 3 }];

function setup(extra: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  vi.mocked(save).mockReset();
  mockCommands({
    partners_search: () => ({ total: 1, offset: 0, rows: [{ id: 4, name: "Ana Lima", email: "ana@example.com" }] }),
    kit_export: ({ out }) => ({ partners: 1, files: 6, bytes: 2 * 1024 * 1024, path: out }),
    job_cancel: () => null,
    file_open: () => null,
    file_reveal: () => null,
    ...extra,
  });
  render(<KitExportDialog groups={GROUPS} onClose={() => undefined} />);
  return userEvent.setup();
}

describe("KitExportDialog", () => {
  it("exports a partner's kit to the chosen file, then opens it or shows it in its folder", async () => {
    const user = setup();
    expect(screen.getByTestId("kit-run")).toBeDisabled();
    await user.type(screen.getByTestId("kit-partner"), "ana");
    fireEvent.mouseDown(await screen.findByRole("option", { name: /Ana Lima/ }));
    vi.mocked(save).mockResolvedValue("/out/Ana Lima kit.zip");
    await user.click(screen.getByTestId("kit-run"));
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "Ana Lima kit.zip" });
    const result = await screen.findByTestId("kit-result");
    expect(callsTo("kit_export")[0]).toMatchObject({ target: { kind: "partner", id: 4 }, out: "/out/Ana Lima kit.zip" });
    expect(result).toHaveTextContent("Wrote Ana Lima kit.zip: 6 files for 1 partner (2.0 MB).");
    await user.click(screen.getByTestId("kit-open"));
    await user.click(screen.getByTestId("kit-reveal"));
    expect(callsTo("file_open")).toEqual([{ path: "/out/Ana Lima kit.zip" }]);
    expect(callsTo("file_reveal")).toEqual([{ path: "/out/Ana Lima kit.zip" }]);
  });

  it("exports a group's kit with progress, and cancels", async () => {
    const job = deferred<unknown>();
    let channel: { onmessage: (p: JobProgress) => void } | null = null;
    const user = setup({
      kit_export: (args) => {
        channel = args.onProgress as typeof channel;
        return job.promise;
      },
      job_cancel: () => {
        job.reject({ code: "cancelled", message: "cancelled", field: null });
        return null;
      },
    });
    await user.click(screen.getByTestId("kit-target-group"));
    await user.selectOptions(screen.getByTestId("kit-group"), "5");
    vi.mocked(save).mockResolvedValue("/out/Bloggers kit.zip");
    await user.click(screen.getByTestId("kit-run"));
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "Bloggers kit.zip" });
    await waitFor(() => expect(callsTo("kit_export")[0]).toMatchObject({ target: { kind: "group", id: 5 } }));
    act(() => channel!.onmessage({ step: "Ana Lima", done: 1, total: 3 }));
    expect(screen.getByTestId("kit-job")).toHaveTextContent("1 of 3");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "33");
    await user.click(screen.getByTestId("kit-job-cancel"));
    await waitFor(() => expect(screen.queryByTestId("kit-job")).toBeNull());
    expect(callsTo("job_cancel")).toHaveLength(1);
    expect(screen.queryByTestId("kit-error")).toBeNull();
    expect(screen.queryByTestId("kit-result")).toBeNull();
  });

  it("writes nothing when the save dialog is cancelled, and shows a failure", async () => {
    const user = setup({
      kit_export: () => {
        throw { code: "io", message: "disk full", field: null };
      },
    });
    await user.click(screen.getByTestId("kit-target-group"));
    await user.selectOptions(screen.getByTestId("kit-group"), "5");
    vi.mocked(save).mockResolvedValue(null);
    await user.click(screen.getByTestId("kit-run"));
    expect(callsTo("kit_export")).toHaveLength(0);
    vi.mocked(save).mockResolvedValue("/out/k.zip");
    await user.click(screen.getByTestId("kit-run"));
    expect(await screen.findByTestId("kit-error")).toHaveTextContent("Disk full.");
  });
});
