import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Asset } from "../../bindings/Asset";
import type { AssetQuery } from "../../bindings/AssetQuery";
import type { JobProgress } from "../../bindings/JobProgress";
import { asset, assetDetail, assetVersion } from "../../test/assetFixtures";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { AssetsScreen } from "./AssetsScreen";
import { clearThumbnails } from "./thumbnails";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

type DropHandler = (event: { payload: { type: string; paths?: string[] } }) => void;
const drop = vi.hoisted(() => ({ handler: null as DropHandler | null }));
vi.mock("@tauri-apps/api/webview", () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: async (h: DropHandler) => {
      drop.handler = h;
      return () => {
        drop.handler = null;
      };
    },
  }),
}));

const PNG = "data:image/png;base64,iVBORw0KGgo=";

function book(): Asset[] {
  return [
    asset(1, { title: "Summer banner", tags: ["summer"], current: assetVersion(2, { sha256: "same" }), versions: 2 }),
    asset(2, { title: "Leaderboard", current: assetVersion(1, { sha256: "same", width: 728, height: 90 }) }),
    asset(3, {
      title: "Welcome email",
      kind: "email_template",
      current: assetVersion(1, { sha256: "txt", file_name: "welcome.html", mime: "text/html", width: null, height: null, size: 900 }),
    }),
  ];
}

function setup(extra: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockReset();
  const assets = book();
  mockCommands({
    assets_list: ({ query }) => {
      const q = query as AssetQuery;
      return assets.filter((a) => (q.kind === null || a.kind === q.kind) && (q.tag === null || a.tags.includes(q.tag)) && a.archived === q.archived);
    },
    asset_get: ({ id }) => assetDetail(assets.find((a) => a.id === id)!),
    asset_thumbnail: ({ id }) => (id === 3 ? null : PNG),
    groups_list: () => [{ id: 5, name: "Bloggers", description: "", partner_count: 3 }],
    links_base_url_get: () => "https://acme.example",
    job_cancel: () => null,
    ...extra,
  });
  render(<AssetsScreen />);
  return userEvent.setup();
}

const cards = () => screen.getAllByTestId("asset-card");

describe("AssetsScreen", () => {
  beforeEach(() => clearThumbnails());

  it("shows cards with kind, size, bytes and version, thumbnails loaded once per content", async () => {
    setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.getByTestId("assets-count")).toHaveTextContent("3 assets");
    expect(cards()[0]).toHaveTextContent("Summer banner");
    expect(cards()[0]).toHaveTextContent("Banner");
    expect(cards()[0]).toHaveTextContent("300×250");
    expect(cards()[0]).toHaveTextContent("20 KB");
    expect(cards()[0]).toHaveTextContent("v2");
    expect(cards()[1]).not.toHaveTextContent("v1");
    expect(cards()[2]).toHaveTextContent("Email template");
    await waitFor(() => expect(within(cards()[0]).getByRole("img")).toHaveAttribute("src", PNG));
    await waitFor(() => expect(within(cards()[1]).getByRole("img")).toHaveAttribute("src", PNG));
    // Two assets share one file: one thumbnail request for both; the text asset shows an icon.
    expect(callsTo("asset_thumbnail").map((c) => c.id).sort()).toEqual([1, 3]);
    expect(within(cards()[2]).queryByRole("img")).toBeNull();
    expect(screen.getByTestId("assets-base-url")).toHaveTextContent("Referral links are built on: https://acme.example");
  });

  it("filters by kind, tag and archived, and switches to the list view", async () => {
    const user = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.selectOptions(screen.getByTestId("assets-kind"), "email_template");
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(callsTo("assets_list").at(-1)?.query).toMatchObject({ kind: "email_template" });
    await user.selectOptions(screen.getByTestId("assets-kind"), "");
    await user.type(screen.getByTestId("assets-tag"), "summer");
    await user.type(screen.getByTestId("assets-size"), "300x250");
    await waitFor(() => expect(callsTo("assets_list").at(-1)?.query).toEqual({ kind: null, tag: "summer", group_id: null, size: "300x250", text: null, archived: false }));
    await waitFor(() => expect(cards()).toHaveLength(1));
    await user.click(screen.getByTestId("assets-archived"));
    await waitFor(() => expect(callsTo("assets_list").at(-1)?.query).toMatchObject({ archived: true }));
    expect(await screen.findByText("No asset matches")).toBeInTheDocument();
    await user.click(screen.getByText("Clear filters"));
    await user.click(screen.getByTestId("assets-archived"));
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByTestId("assets-view-list"));
    expect(screen.getAllByTestId("asset-row")).toHaveLength(3);
    expect(screen.queryByTestId("asset-card")).toBeNull();
  });

  it("adds files picked in the dialog, with progress, and says what was added", async () => {
    const job = deferred<unknown>();
    let channel: { onmessage: (p: JobProgress) => void } | null = null;
    const user = setup({
      assets_add: (args) => {
        channel = args.onProgress as typeof channel;
        return job.promise;
      },
    });
    vi.mocked(open).mockResolvedValue(["/d/a.png", "/d/b.png"]);
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByTestId("assets-add"));
    await waitFor(() => expect(callsTo("assets_add")).toHaveLength(1));
    expect(vi.mocked(open).mock.calls[0][0]).toMatchObject({ multiple: true });
    expect(callsTo("assets_add")[0]).toMatchObject({ paths: ["/d/a.png", "/d/b.png"], options: { kind: null, tags: [], group_ids: [], landing_url: "" } });
    act(() => channel!.onmessage({ step: "b.png", done: 1, total: 2 }));
    expect(screen.getByTestId("assets-job")).toHaveTextContent("Adding files: b.png");
    expect(screen.getByTestId("assets-job")).toHaveTextContent("1 of 2");
    const lists = callsTo("assets_list").length;
    await act(async () => job.resolve({ added: [7, 8], deduplicated: 1, bytes_stored: 4096 }));
    expect(await screen.findByTestId("assets-outcome")).toHaveTextContent("Added 2 files (1 already in the book), 4.0 KB stored.");
    expect(screen.queryByTestId("assets-job")).toBeNull();
    await waitFor(() => expect(callsTo("assets_list").length).toBeGreaterThan(lists));
  });

  it("shows why a file was refused", async () => {
    const user = setup({
      assets_add: () => {
        throw { code: "invalid_input", message: "promo.txt: {{referal_link}} is not a placeholder (templates can use {{referral_link}})", field: "template" };
      },
    });
    vi.mocked(open).mockResolvedValue(["/d/promo.txt"]);
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByTestId("assets-add"));
    expect(await screen.findByTestId("assets-outcome")).toHaveTextContent("Template: promo.txt: {{referal_link}} is not a placeholder");
  });

  it("adds files dropped on the window, with an overlay while dragging", async () => {
    setup({ assets_add: () => ({ added: [9], deduplicated: 0, bytes_stored: 100 }) });
    await waitFor(() => expect(cards()).toHaveLength(3));
    await waitFor(() => expect(drop.handler).not.toBeNull());
    act(() => drop.handler!({ payload: { type: "enter", paths: ["/d/c.png"] } }));
    expect(screen.getByTestId("assets-drop-overlay")).toBeInTheDocument();
    act(() => drop.handler!({ payload: { type: "leave" } }));
    expect(screen.queryByTestId("assets-drop-overlay")).toBeNull();
    act(() => drop.handler!({ payload: { type: "over" } }));
    act(() => drop.handler!({ payload: { type: "drop", paths: ["/d/c.png"] } }));
    expect(screen.queryByTestId("assets-drop-overlay")).toBeNull();
    await waitFor(() => expect(callsTo("assets_add")[0]).toMatchObject({ paths: ["/d/c.png"] }));
    expect(await screen.findByTestId("assets-outcome")).toHaveTextContent("Added 1 file, 100 B stored.");
  });

  it("asks for the program's website when links have no base, and saves it", async () => {
    const user = setup({
      links_base_url_get: () => "",
      links_base_url_set: ({ url }) => {
        if (url === "nope") throw { code: "invalid_input", message: "not a web address", field: "base_url" };
        return "https://acme.example/";
      },
    });
    expect(await screen.findByTestId("assets-base-url-missing")).toHaveTextContent("Set your program's website");
    await user.click(screen.getByTestId("assets-base-url-change"));
    await user.type(screen.getByTestId("assets-base-url-input"), "nope");
    await user.click(screen.getByTestId("assets-base-url-save"));
    expect(await screen.findByTestId("assets-base-url-error")).toHaveTextContent("Not a web address.");
    await user.clear(screen.getByTestId("assets-base-url-input"));
    await user.type(screen.getByTestId("assets-base-url-input"), "acme.example");
    await user.click(screen.getByTestId("assets-base-url-save"));
    expect(await screen.findByTestId("assets-base-url")).toHaveTextContent("https://acme.example/");
    expect(callsTo("links_base_url_set").at(-1)).toEqual({ url: "acme.example" });
    expect(screen.queryByTestId("assets-base-url-missing")).toBeNull();
  });

  it("opens the detail panel for a card", async () => {
    const user = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(cards()[0]);
    const panel = await screen.findByTestId("asset-detail");
    await waitFor(() => expect(within(panel).getByTestId("asset-title")).toHaveValue("Summer banner"));
    expect(callsTo("asset_get")).toEqual([{ id: 1 }]);
    expect(cards()[0]).toHaveAttribute("aria-pressed", "true");
    await user.click(within(panel).getByTestId("asset-close"));
    expect(screen.queryByTestId("asset-detail")).toBeNull();
  });

  it("opens the kit export dialog", async () => {
    const user = setup();
    await waitFor(() => expect(cards()).toHaveLength(3));
    await user.click(screen.getByTestId("kit-export"));
    const dialog = screen.getByTestId("kit-dialog");
    expect(dialog).toHaveTextContent("Export kit");
    await user.click(screen.getByTestId("kit-target-group"));
    expect(within(dialog).getByRole("option", { name: "Bloggers" })).toBeInTheDocument();
  });
});
