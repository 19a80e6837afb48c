import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Asset } from "../../bindings/Asset";
import type { AssetEdit } from "../../bindings/AssetEdit";
import { asset, assetDetail, assetVersion } from "../../test/assetFixtures";
import { callsTo, mockCommands } from "../../test/tauri";
import { AssetPanel } from "./AssetPanel";
import { clearThumbnails } from "./thumbnails";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const GROUPS = [
  { id: 5, name: "Bloggers", description: "", partner_count: 3 },
  { id: 6, name: "Gold tier", description: "", partner_count: 1 },
];

const banner = asset(1, { title: "Summer banner", current: assetVersion(2, { file_name: "summer-v2.png" }), versions: 2 });
const template = asset(3, {
  title: "Welcome email",
  kind: "email_template",
  current: assetVersion(1, { sha256: "txt", file_name: "welcome.html", mime: "text/html", width: null, height: null }),
});

function setup(a: Asset, extra: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockReset();
  vi.mocked(save).mockReset();
  let current = a;
  const onChanged = vi.fn();
  mockCommands({
    asset_get: () =>
      assetDetail(current, {
        versions: current.id === 1 ? [current.current, assetVersion(1, { file_name: "summer.png", added_at: "2026-02-01T09:00:00Z" })] : [current.current],
        sends: current.id === 1 ? [{ partner_id: 4, partner_name: "Ana Lima", version: 1, via: "kit", sent_at: "2026-02-03T10:00:00Z" }] : [],
      }),
    asset_thumbnail: () => null,
    asset_update: ({ id, edit }) => {
      const e = edit as AssetEdit;
      if (e.landing_url === "ftp://x") throw { code: "invalid_input", message: "must start with https://", field: "landing_url" };
      current = { ...current, ...e, updated_at: "2026-03-05T10:00:00Z" };
      return assetDetail({ ...current, id: id as number });
    },
    asset_set_archived: ({ archived }) => {
      current = { ...current, archived: archived as boolean };
      return null;
    },
    asset_export: () => 20480,
    asset_add_version: () => {
      current = { ...current, current: assetVersion(3, { file_name: "summer-v3.png" }), versions: 3 };
      return assetDetail(current, { versions: [current.current] });
    },
    partners_search: () => ({ total: 1, offset: 0, rows: [{ id: 4, name: "Ana Lima", email: "ana@example.com" }] }),
    asset_render: () => '<p>Hi Ana, <script>alert("x")</script> https://acme.example/?ref=ana</p>',
    ...extra,
  });
  render(<AssetPanel assetId={a.id} groups={GROUPS} onClose={() => undefined} onChanged={onChanged} />);
  return { user: userEvent.setup(), onChanged };
}

const panel = () => screen.getByTestId("asset-detail");

describe("AssetPanel", () => {
  beforeEach(() => clearThumbnails());

  it("shows the versions, where it was sent, and an icon for an asset without a thumbnail", async () => {
    setup(banner);
    await waitFor(() => expect(screen.getAllByTestId("asset-version")).toHaveLength(2));
    const [v2, v1] = screen.getAllByTestId("asset-version");
    expect(v2).toHaveTextContent("v2");
    expect(v2).toHaveTextContent("summer-v2.png");
    expect(v2).toHaveTextContent("300×250 · 20 KB");
    expect(v1).toHaveTextContent("summer.png");
    expect(screen.getByTestId("asset-send")).toHaveTextContent("Ana Lima");
    expect(screen.getByTestId("asset-send")).toHaveTextContent("kit");
    await waitFor(() => expect(callsTo("asset_thumbnail")).toEqual([{ id: 1 }]));
    expect(within(screen.getByTestId("asset-preview")).queryByRole("img")).toBeNull();
    expect(screen.queryByTestId("asset-render-partner")).toBeNull();
  });

  it("saves the edited fields, and shows a refusal under its field", async () => {
    const { user, onChanged } = setup(banner);
    const title = await screen.findByTestId("asset-title");
    await user.clear(title);
    await user.type(title, "Summer 300x250");
    await user.selectOptions(screen.getByTestId("asset-kind"), "image");
    const tags = within(panel()).getByLabelText("Tags");
    await user.type(tags, "summer{Enter}sale{Enter}");
    await user.click(within(screen.getByTestId("asset-groups")).getByLabelText("Gold tier"));
    await user.type(screen.getByTestId("asset-landing-url"), "ftp://x");
    await user.click(screen.getByTestId("asset-save"));
    expect(await within(panel()).findByText("Must start with https://.")).toBeInTheDocument();
    await user.clear(screen.getByTestId("asset-landing-url"));
    await user.type(screen.getByTestId("asset-landing-url"), "https://acme.example/summer");
    await user.click(screen.getByTestId("asset-save"));
    expect(await screen.findByTestId("asset-notice")).toHaveTextContent("Saved.");
    expect(callsTo("asset_update").at(-1)).toEqual({
      id: 1,
      edit: { title: "Summer 300x250", kind: "image", tags: ["summer", "sale"], group_ids: [6], landing_url: "https://acme.example/summer" },
    });
    expect(onChanged).toHaveBeenCalled();
    expect(screen.getByTestId("asset-save")).toBeDisabled();
  });

  it("saves a copy of a version, uploads a new version, and archives", async () => {
    const { user, onChanged } = setup(banner);
    await waitFor(() => expect(screen.getAllByTestId("asset-version")).toHaveLength(2));
    vi.mocked(save).mockResolvedValue("/out/summer.png");
    await user.click(screen.getByRole("button", { name: "Save a copy of v1" }));
    await waitFor(() => expect(callsTo("asset_export")).toEqual([{ id: 1, version: 1, out: "/out/summer.png" }]));
    expect(vi.mocked(save).mock.calls[0][0]).toMatchObject({ defaultPath: "summer.png" });
    expect(await screen.findByTestId("asset-notice")).toHaveTextContent("Saved a copy of v1 (20 KB).");

    vi.mocked(open).mockResolvedValue("/d/summer-v3.png");
    await user.click(screen.getByTestId("asset-upload-version"));
    await waitFor(() => expect(callsTo("asset_add_version")).toEqual([{ id: 1, path: "/d/summer-v3.png" }]));
    expect(await screen.findByText("Added v3.")).toBeInTheDocument();
    expect(screen.getAllByTestId("asset-version")[0]).toHaveTextContent("summer-v3.png");

    await user.click(screen.getByTestId("asset-archive"));
    await waitFor(() => expect(callsTo("asset_set_archived")).toEqual([{ id: 1, archived: true }]));
    expect(await screen.findByTestId("asset-restore")).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(2);
    await user.click(screen.getByTestId("asset-restore"));
    await waitFor(() => expect(callsTo("asset_set_archived").at(-1)).toEqual({ id: 1, archived: false }));
  });

  it("previews a template for a partner as text, never as markup", async () => {
    const { user } = setup(template);
    const box = await screen.findByTestId("asset-render-partner");
    await user.type(box, "ana");
    const option = await screen.findByRole("option", { name: /Ana Lima/ });
    fireEvent.mouseDown(option);
    const pre = await screen.findByTestId("asset-render");
    expect(callsTo("asset_render")).toEqual([{ id: 3, partnerId: 4 }]);
    expect(pre.tagName).toBe("PRE");
    expect(pre.textContent).toBe('<p>Hi Ana, <script>alert("x")</script> https://acme.example/?ref=ana</p>');
    expect(pre.querySelector("script, p")).toBeNull();
  });
});

describe("AssetPanel template editor", () => {
  beforeEach(() => clearThumbnails());

  const REFUSAL = { code: "invalid_input", message: "the template: {{partner.nam}} is not a placeholder (known: {{partner.name}}, …)", field: "template" };

  function setupEditor() {
    let saved = "<p>Hi {{partner.first_name}}</p>";
    let current = template;
    const result = setup(template, {
      asset_get: () => assetDetail(current, { versions: current.current.version === 2 ? [current.current, template.current] : [current.current] }),
      asset_text: () => saved,
      asset_preview_text: ({ text }) => {
        if ((text as string).includes("{{partner.nam}}")) throw REFUSAL;
        return "<b>Hi Ana</b>";
      },
      asset_save_text: ({ text }) => {
        saved = text as string;
        current = { ...current, current: assetVersion(2, { sha256: "txt2", file_name: "welcome.html", mime: "text/html", width: null, height: null }), versions: 2 };
        return assetDetail(current, { versions: [current.current, template.current] });
      },
    });
    return result;
  }

  async function choosePartner(user: ReturnType<typeof userEvent.setup>) {
    const box = await screen.findByTestId("asset-render-partner");
    await user.type(box, "ana");
    fireEvent.mouseDown(await screen.findByRole("option", { name: /Ana Lima/ }));
  }

  it("loads the template's text into a monospace editor, only for text templates", async () => {
    setupEditor();
    const area = await screen.findByTestId("asset-template-text");
    expect(area.tagName).toBe("TEXTAREA");
    await waitFor(() => expect(area).toHaveValue("<p>Hi {{partner.first_name}}</p>"));
    expect(callsTo("asset_text")).toEqual([{ id: 3 }]);
    expect(screen.getByTestId("asset-template-save")).toBeDisabled();
  });

  it("hides the editor for an image", async () => {
    setup(banner);
    await waitFor(() => expect(screen.getAllByTestId("asset-version")).toHaveLength(2));
    expect(screen.queryByTestId("asset-template-text")).toBeNull();
    expect(callsTo("asset_text")).toEqual([]);
  });

  it("inserts a placeholder chip at the cursor", async () => {
    const { user } = setupEditor();
    const area = (await screen.findByTestId("asset-template-text")) as HTMLTextAreaElement;
    await waitFor(() => expect(area).toHaveValue("<p>Hi {{partner.first_name}}</p>"));
    area.focus();
    area.setSelectionRange(6, 6);
    await user.click(screen.getByRole("button", { name: "{{coupon}}" }));
    expect(area).toHaveValue("<p>Hi {{coupon}}{{partner.first_name}}</p>");
    expect(screen.getAllByTestId("template-placeholder").map((b) => b.textContent)).toEqual([
      "{{partner.name}}",
      "{{partner.first_name}}",
      "{{partner.email}}",
      "{{partner.company}}",
      "{{program.name}}",
      "{{program.business_name}}",
      "{{referral_link}}",
      "{{referral_code}}",
      "{{coupon}}",
    ]);
    expect(screen.getByTestId("asset-template-save")).toBeEnabled();
  });

  it("previews the edited text for the chosen partner, as text, never as markup", async () => {
    const { user } = setupEditor();
    const area = await screen.findByTestId("asset-template-text");
    await waitFor(() => expect(area).toHaveValue("<p>Hi {{partner.first_name}}</p>"));
    await choosePartner(user);
    const pre = await screen.findByTestId("asset-template-preview");
    expect(callsTo("asset_preview_text")).toEqual([
      { text: "<p>Hi {{partner.first_name}}</p>", html: true, partnerId: 4, landingUrl: template.landing_url },
    ]);
    expect(pre.tagName).toBe("PRE");
    expect(pre.textContent).toBe("<b>Hi Ana</b>");
    expect(pre.querySelector("b")).toBeNull();

    fireEvent.change(area, { target: { value: "<b>{{partner.name}}</b>" } });
    await waitFor(() => expect(callsTo("asset_preview_text").at(-1)).toMatchObject({ text: "<b>{{partner.name}}</b>", html: true, partnerId: 4 }));
  });

  it("shows a refused placeholder under the editor instead of the preview", async () => {
    const { user } = setupEditor();
    const area = await screen.findByTestId("asset-template-text");
    await waitFor(() => expect(area).toHaveValue("<p>Hi {{partner.first_name}}</p>"));
    await choosePartner(user);
    await screen.findByTestId("asset-template-preview");
    fireEvent.change(area, { target: { value: "Hi {{partner.nam}}" } });
    const error = await screen.findByTestId("asset-template-error");
    expect(error).toHaveTextContent("{{partner.nam}} is not a placeholder");
    expect(screen.queryByTestId("asset-template-preview")).toBeNull();
  });

  it("saves the text as a new version and shows it in the versions", async () => {
    const { user, onChanged } = setupEditor();
    const area = await screen.findByTestId("asset-template-text");
    await waitFor(() => expect(area).toHaveValue("<p>Hi {{partner.first_name}}</p>"));
    fireEvent.change(area, { target: { value: "<p>Hello {{partner.name}}</p>" } });
    await user.click(screen.getByTestId("asset-template-save"));
    await waitFor(() => expect(callsTo("asset_save_text")).toEqual([{ id: 3, text: "<p>Hello {{partner.name}}</p>" }]));
    expect(await screen.findByTestId("asset-notice")).toHaveTextContent("Saved as v2.");
    await waitFor(() => expect(screen.getAllByTestId("asset-version")).toHaveLength(2));
    expect(screen.getAllByTestId("asset-version")[0]).toHaveTextContent("v2");
    expect(onChanged).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId("asset-template-text")).toHaveValue("<p>Hello {{partner.name}}</p>"));
    expect(screen.getByTestId("asset-template-save")).toBeDisabled();
  });

  it("shows a refused save under the editor", async () => {
    const { user } = setupEditor();
    const area = await screen.findByTestId("asset-template-text");
    await waitFor(() => expect(area).toHaveValue("<p>Hi {{partner.first_name}}</p>"));
    fireEvent.change(area, { target: { value: "Hi {{partner.nam}}" } });
    const impl = vi.mocked(invoke).getMockImplementation()!;
    vi.mocked(invoke).mockImplementation(async (cmd, args) => {
      if (cmd === "asset_save_text") throw REFUSAL;
      return impl(cmd, args);
    });
    await user.click(screen.getByTestId("asset-template-save"));
    expect(await screen.findByTestId("asset-template-error")).toHaveTextContent("{{partner.nam}} is not a placeholder");
    expect(screen.getByTestId("asset-template-save")).toBeEnabled();
  });
});
