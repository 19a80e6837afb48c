import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { callsTo, mockCommands } from "../../test/tauri";
import { AboutDialog } from "./AboutDialog";
vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

describe("About", () => {
  it("says which build this is, the book's schema and where the logs are", async () => {
    mockCommands({
      app_about: () => ({ version: "0.1.0", commit: "1a2b3c4d5e", schema: 15, book_schema: 15, log_dir: "/home/ana/.local/share/logs" }),
      file_reveal: () => null,
    });
    render(<AboutDialog onClose={() => {}} />);
    expect(await screen.findByTestId("about-version")).toHaveTextContent("0.1.0 (commit 1a2b3c4d5e)");
    expect(screen.getByTestId("about-schema")).toHaveTextContent("15 (this version reads 15)");
    await userEvent.setup().click(screen.getByTestId("about-logs"));
    expect(callsTo("file_reveal")).toEqual([{ path: "/home/ana/.local/share/logs" }]);
  });
});
