import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { LogoInfo } from "../../bindings/LogoInfo";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { LogoField } from "./LogoField";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const stored: LogoInfo = { width: 480, height: 120, bytes: 9_800, data_url: "data:image/png;base64,iVBORw0KGgo=" };
const fresh: LogoInfo = { width: 1200, height: 300, bytes: 41_000, data_url: "data:image/png;base64,NEW=" };

function setup(handlers: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockReset();
  mockCommands({ logo_get: () => stored, logo_set: () => fresh, logo_clear: () => null, ...handlers });
  render(<LogoField />);
  return userEvent.setup();
}

describe("Settings → Business → Logo", () => {
  it("shows the stored logo with its size, and removes it", async () => {
    const user = setup();
    const image = await screen.findByTestId("settings-logo-image");
    expect(image).toHaveAttribute("src", "data:image/png;base64,iVBORw0KGgo=");
    expect(image).toHaveAttribute("alt", "Logo on statements");
    expect(screen.getByTestId("settings-logo-size")).toHaveTextContent("480 × 120 px");
    expect(callsTo("logo_get")).toHaveLength(1);

    await user.click(screen.getByTestId("settings-logo-remove"));
    expect(callsTo("logo_clear")).toEqual([{}]);
    expect(await screen.findByTestId("settings-logo-empty")).toHaveTextContent("No logo: statements show the business name only.");
    expect(screen.queryByTestId("settings-logo-image")).not.toBeInTheDocument();
    expect(screen.queryByTestId("settings-logo-remove")).not.toBeInTheDocument();
  });

  it("says statements show the business name only, then stores the PNG or JPEG chosen", async () => {
    const user = setup({ logo_get: () => null });
    expect(await screen.findByTestId("settings-logo-empty")).toHaveTextContent("No logo: statements show the business name only.");
    vi.mocked(open).mockResolvedValue("/home/ana/acme-logo.png");
    await user.click(screen.getByRole("button", { name: "Choose image…" }));
    expect(vi.mocked(open).mock.calls).toEqual([
      [{ multiple: false, directory: false, filters: [{ name: "Images (PNG, JPEG)", extensions: ["png", "jpg", "jpeg"] }], title: "Choose a logo for statements" }],
    ]);
    expect(callsTo("logo_set")).toEqual([{ path: "/home/ana/acme-logo.png" }]);
    expect(await screen.findByTestId("settings-logo-image")).toHaveAttribute("src", "data:image/png;base64,NEW=");
    expect(screen.getByTestId("settings-logo-size")).toHaveTextContent("1,200 × 300 px");
    expect(screen.getByTestId("settings-logo-remove")).toBeEnabled();
  });

  it("changes nothing when the file dialog is cancelled", async () => {
    const user = setup();
    await screen.findByTestId("settings-logo-image");
    vi.mocked(open).mockResolvedValue(null);
    await user.click(screen.getByTestId("settings-logo-choose"));
    await waitFor(() => expect(screen.getByTestId("settings-logo-choose")).toBeEnabled());
    expect(callsTo("logo_set")).toHaveLength(0);
    expect(screen.getByTestId("settings-logo-image")).toHaveAttribute("src", stored.data_url);
  });

  it("shows why a file was refused, and keeps the logo it had", async () => {
    const user = setup({
      logo_set: () => {
        throw { code: "invalid_input", message: "/x/logo.gif: not a PNG or JPEG image", field: "logo" };
      },
    });
    await screen.findByTestId("settings-logo-image");
    vi.mocked(open).mockResolvedValue("/x/logo.gif");
    await user.click(screen.getByTestId("settings-logo-choose"));
    expect(await screen.findByTestId("settings-logo-error")).toHaveTextContent("Logo: /x/logo.gif: not a PNG or JPEG image.");
    expect(screen.getByTestId("settings-logo-image")).toHaveAttribute("src", stored.data_url);

    // The next attempt clears the message.
    vi.mocked(open).mockResolvedValue(null);
    await user.click(screen.getByTestId("settings-logo-choose"));
    await waitFor(() => expect(screen.queryByTestId("settings-logo-error")).not.toBeInTheDocument());
  });

  it("waits for the stored logo before offering to change it", async () => {
    const loading = deferred<LogoInfo | null>();
    setup({ logo_get: () => loading.promise });
    expect(screen.getByTestId("settings-logo-choose")).toBeDisabled();
    expect(screen.getByRole("status", { name: "Loading the logo" })).toBeInTheDocument();
    loading.resolve(null);
    await waitFor(() => expect(screen.getByTestId("settings-logo-choose")).toBeEnabled());
  });
});
