import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { BackupsSection } from "./BackupsSection";
vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

const daily = { path: "/b/Acme.partnerbook.backups/20261205-090000.daily.partnerbook", created_at: "2026-12-05T09:00:00Z", reason: "daily", bytes: 450_000 };
const byHand = { path: "/b/Acme.partnerbook.backups/20261205-100000.by-hand.partnerbook", created_at: "2026-12-05T10:00:00Z", reason: "by-hand", bytes: 451_000 };

describe("Settings → Backups", () => {
  it("lists the backups, makes one now, and restores one after saying what happens", async () => {
    let list = [daily];
    const onRestored = vi.fn();
    mockCommands({
      backups_list: () => list,
      backup_create: () => {
        list = [byHand, daily];
        return byHand;
      },
      backup_restore: () => ({ ...byHand, reason: "before-restore" }),
    });
    render(
      <ToastProvider>
        <BackupsSection onRestored={onRestored} />
      </ToastProvider>,
    );
    const user = userEvent.setup();
    expect(await screen.findAllByTestId("backup-row")).toHaveLength(1);
    expect(screen.getByTestId("backup-row")).toHaveTextContent("Daily");
    await user.click(screen.getByTestId("backup-create"));
    expect(await screen.findByText("Backed up to 20261205-100000.by-hand.partnerbook.")).toBeInTheDocument();
    // The list is asked again after the toast: wait for the second row, not
    // for any row (the old one is still there and would satisfy a find).
    await waitFor(() => expect(screen.getAllByTestId("backup-row")).toHaveLength(2));
    await user.click(within(screen.getAllByTestId("backup-row")[1]).getByTestId("backup-restore"));
    expect(screen.getByTestId("backup-restore-dialog")).toHaveTextContent("the book as it is now is backed up first");
    await user.click(screen.getByTestId("backup-restore-confirm"));
    expect(callsTo("backup_restore")).toEqual([{ path: daily.path }]);
    expect(onRestored).toHaveBeenCalled();
  });
});
