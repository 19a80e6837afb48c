import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConnectionView } from "../../bindings/ConnectionView";
import type { KeysHome } from "../../bindings/KeysHome";
import type { PlatformName } from "../../bindings/PlatformName";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { ConnectionsSection } from "./ConnectionsSection";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

function view(id: number, name: string, platform: PlatformName, base_url: string, has_keys = true): ConnectionView {
  return { connection: { id, name, platform, base_url, created_at: "2026-12-01T09:00:00Z" }, has_keys, resources: [], conflicts: 0 };
}

const ps = view(1, "partnerstack", "partnerstack", "https://api.partnerstack.com/api/v2");

const NO_KEYCHAIN: KeysHome = { kind: "unavailable", reason: "no Secret Service on the session bus" };

/** `keys`: where saved keys go (adding or replacing), asked at each save. */
function setup(initial: ConnectionView[], handlers: Parameters<typeof mockCommands>[0] = {}, keys: KeysHome | (() => KeysHome) = { kind: "keychain" }) {
  vi.mocked(invoke).mockReset();
  let list = initial;
  const home = () => (typeof keys === "function" ? keys() : keys);
  mockCommands({
    sync_connections: () => list,
    sync_connection_add: (a) => {
      const added = view(list.length + 10, a.name as string, a.platform as PlatformName, (a.baseUrl as string | null) ?? "https://api.partnerstack.com/api/v2");
      list = [...list, added];
      return { connection: added.connection, keys: home() };
    },
    sync_connection_keys: ({ name }) => {
      list = list.map((v) => (v.connection.name === name ? { ...v, has_keys: true } : v));
      return home();
    },
    sync_connection_remove: ({ name }) => {
      list = list.filter((v) => v.connection.name !== name);
      return null;
    },
    ...handlers,
  });
  render(
    <ToastProvider>
      <ConnectionsSection />
    </ToastProvider>,
  );
  return userEvent.setup();
}

describe("Settings → Connections", () => {
  it("lists each connection with its platform, address and whether it has keys", async () => {
    setup([ps, view(2, "Acme EU", "rewardful", "http://127.0.0.1:7000/v1", false)]);
    const rows = await screen.findAllByTestId("connection-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("partnerstack");
    expect(rows[0]).toHaveTextContent("PartnerStack");
    expect(within(rows[0]).getByTestId("connection-url")).toHaveTextContent("https://api.partnerstack.com/api/v2 (the platform's own)");
    expect(within(rows[0]).getByTestId("connection-keys")).toHaveTextContent("Keys saved");
    expect(within(rows[1]).getByTestId("connection-url")).toHaveTextContent(/^http:\/\/127\.0\.0\.1:7000\/v1$/);
    expect(within(rows[1]).getByTestId("connection-keys")).toHaveTextContent("No keys");
    expect(within(rows[1]).getByTestId("connection-no-keys")).toHaveTextContent(
      "No keys for Acme EU: enter them with \u201cReplace keys\u201d, or set PARTNERBOOK_REWARDFUL_SECRET_KEY before starting Partnerbook.",
    );
    expect(within(rows[0]).queryByTestId("connection-no-keys")).not.toBeInTheDocument();
  });

  it("adds a PartnerStack connection with its keys as typed, and never shows them back", async () => {
    const user = setup([]);
    expect(await screen.findByTestId("connections-empty")).toHaveTextContent("No connections yet");
    await user.click(screen.getByTestId("connection-add"));
    const name = screen.getByTestId("connection-name");
    expect(name).toHaveValue("partnerstack");
    expect(screen.getByTestId("connection-base-url")).toHaveAttribute("placeholder", "https://api.partnerstack.com/api/v2");
    expect(screen.getByLabelText("Public key")).toHaveAttribute("type", "password");
    expect(screen.getByLabelText("Secret key")).toHaveAttribute("type", "password");

    await user.type(screen.getByTestId("connection-base-url"), "http://127.0.0.1:4010/api/v2");
    await user.type(screen.getByTestId("connection-user"), "pk_live_1");
    await user.type(screen.getByTestId("connection-password"), "sk_live_1");
    await user.click(screen.getByTestId("connection-save"));

    await waitFor(() => expect(callsTo("sync_connection_add")).toHaveLength(1));
    expect(callsTo("sync_connection_add")[0]).toEqual({
      name: "partnerstack",
      platform: "partnerstack",
      baseUrl: "http://127.0.0.1:4010/api/v2",
      user: "pk_live_1",
      password: "sk_live_1",
    });
    expect(await screen.findByText("Connection partnerstack added; its keys are in the system keychain.")).toBeInTheDocument();
    const row = await screen.findByTestId("connection-row");
    expect(row).toHaveTextContent("http://127.0.0.1:4010/api/v2");
    expect(row).not.toHaveTextContent("pk_live_1");
    expect(document.body).not.toHaveTextContent("sk_live_1");
    expect(screen.queryByTestId("connection-add-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("connection-session-keys")).not.toBeInTheDocument();
  });

  it("switches to Rewardful's address and single key, and asks for what is missing before asking the core", async () => {
    const user = setup([]);
    await user.click(await screen.findByTestId("connection-add"));
    await user.click(screen.getByLabelText(/Rewardful/));
    expect(screen.getByTestId("connection-name")).toHaveValue("rewardful");
    expect(screen.getByTestId("connection-base-url")).toHaveAttribute("placeholder", "https://api.getrewardful.com/v1");
    expect(screen.getByLabelText("API secret")).toHaveAttribute("type", "password");
    expect(screen.queryByTestId("connection-password")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("connection-save"));
    expect(screen.getByText("Enter the API secret.")).toBeInTheDocument();
    expect(callsTo("sync_connection_add")).toHaveLength(0);
    await user.type(screen.getByTestId("connection-user"), "rw_secret");
    await user.click(screen.getByTestId("connection-save"));
    await waitFor(() => expect(callsTo("sync_connection_add")).toEqual([{ name: "rewardful", platform: "rewardful", baseUrl: null, user: "rw_secret", password: null }]));
  });

  it("says the keys last only this session when there is no keychain", async () => {
    const user = setup([], {}, NO_KEYCHAIN);
    await user.click(await screen.findByTestId("connection-add"));
    await user.type(screen.getByTestId("connection-user"), "pk");
    await user.type(screen.getByTestId("connection-password"), "sk");
    await user.click(screen.getByTestId("connection-save"));
    expect(await screen.findByTestId("connection-session-keys")).toHaveTextContent(
      "No system keychain is available (no Secret Service on the session bus). The keys are kept only until Partnerbook closes",
    );
    expect(screen.getByText("Connection partnerstack added; its keys are kept for this session only.")).toBeInTheDocument();
  });

  it("puts the core's refusal under the field it names", async () => {
    const user = setup([ps], {
      sync_connection_add: () => {
        throw { code: "invalid_input", message: "use an http:// or https:// address", field: "base_url" };
      },
    });
    await user.click(await screen.findByTestId("connection-add"));
    await user.clear(screen.getByTestId("connection-name"));
    await user.type(screen.getByTestId("connection-name"), "second");
    await user.type(screen.getByTestId("connection-base-url"), "ftp://x");
    await user.type(screen.getByTestId("connection-user"), "pk");
    await user.type(screen.getByTestId("connection-password"), "sk");
    await user.click(screen.getByTestId("connection-save"));
    expect(await screen.findByText("Use an http:// or https:// address.")).toBeInTheDocument();
    expect(screen.getByTestId("connection-base-url")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("connection-add-form")).toBeInTheDocument();
  });

  it("tests a connection and shows the platform's answer or its refusal", async () => {
    let answer: () => string = () => "PartnerStack answered at https://api.partnerstack.com/api/v2 and took the keys.";
    const user = setup([ps], { sync_connection_test: () => answer() });
    await user.click(await screen.findByTestId("connection-test"));
    expect(await screen.findByTestId("connection-test-result")).toHaveTextContent("PartnerStack answered at https://api.partnerstack.com/api/v2 and took the keys.");
    expect(callsTo("sync_connection_test")).toEqual([{ name: "partnerstack" }]);

    answer = () => {
      throw { code: "invalid_input", message: "PartnerStack refused the keys (HTTP 401): check the public and secret keys", field: "keys" };
    };
    await user.click(screen.getByTestId("connection-test"));
    await waitFor(() =>
      expect(screen.getByTestId("connection-test-result")).toHaveTextContent(/^PartnerStack refused the keys \(HTTP 401\): check the public and secret keys\.$/),
    );
    expect(screen.getByTestId("connection-test-result")).toHaveClass("banner-error");
  });

  it("replaces a PartnerStack connection's keys: both asked for, sent trimmed, never shown back, and the list read again", async () => {
    const user = setup([view(1, "partnerstack", "partnerstack", "http://127.0.0.1:4010/api/v2", false)]);
    const row = await screen.findByTestId("connection-row");
    expect(within(row).getByTestId("connection-keys")).toHaveTextContent("No keys");
    expect(callsTo("sync_connections")).toHaveLength(1);

    await user.click(within(row).getByTestId("connection-replace-keys"));
    const form = within(row).getByTestId("connection-keys-form");
    expect(within(row).getByTestId("connection-replace-keys")).toHaveAttribute("aria-expanded", "true");
    // The form says what is missing; the warning it answers steps aside meanwhile.
    expect(within(row).queryByTestId("connection-no-keys")).not.toBeInTheDocument();
    const pub = within(form).getByLabelText("Public key");
    const secret = within(form).getByLabelText("Secret key");
    expect(pub).toHaveAttribute("type", "password");
    expect(secret).toHaveAttribute("type", "password");
    expect(pub).toHaveFocus();
    expect(form).toHaveTextContent("The keys go to the system keychain, never into the book, and are not shown again.");
    expect(form).not.toHaveTextContent("replace the saved ones");

    await user.type(pub, "  pk_new ");
    await user.click(within(form).getByTestId("connection-keys-save"));
    expect(within(form).getByText("Enter the secret key.")).toBeInTheDocument();
    expect(secret).toHaveAttribute("aria-invalid", "true");
    expect(callsTo("sync_connection_keys")).toHaveLength(0);

    await user.type(secret, "sk_new");
    await user.click(within(form).getByTestId("connection-keys-save"));
    await waitFor(() => expect(callsTo("sync_connection_keys")).toEqual([{ name: "partnerstack", user: "pk_new", password: "sk_new" }]));
    expect(await screen.findByText("New keys for partnerstack saved in the system keychain.")).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId("connection-row")).getByTestId("connection-keys")).toHaveTextContent("Keys saved"));
    expect(callsTo("sync_connections")).toHaveLength(2);
    expect(screen.queryByTestId("connection-keys-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("connection-no-keys")).not.toBeInTheDocument();
    expect(screen.queryByTestId("connection-session-keys")).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent("pk_new");
    expect(document.body).not.toHaveTextContent("sk_new");
  });

  it("asks a Rewardful connection for its API secret alone, and sends no second key", async () => {
    const user = setup([ps, view(2, "Acme EU", "rewardful", "https://api.getrewardful.com/v1")]);
    const rows = await screen.findAllByTestId("connection-row");
    await user.click(within(rows[1]).getByTestId("connection-replace-keys"));
    const form = within(rows[1]).getByTestId("connection-keys-form");
    expect(form).toHaveAccessibleName("New keys for Acme EU");
    expect(within(form).getByLabelText("API secret")).toHaveAttribute("type", "password");
    expect(within(form).queryByTestId("connection-keys-password")).not.toBeInTheDocument();
    expect(form).toHaveTextContent("The new keys replace the saved ones.");
    // Only the row asked opens its form.
    expect(within(rows[0]).queryByTestId("connection-keys-form")).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText("API secret"), "rw_secret_2");
    await user.click(within(form).getByTestId("connection-keys-save"));
    await waitFor(() => expect(callsTo("sync_connection_keys")).toEqual([{ name: "Acme EU", user: "rw_secret_2", password: null }]));
  });

  it("says new keys last only this session when there is no keychain, and stops saying so once the keychain took them", async () => {
    let home: KeysHome = NO_KEYCHAIN;
    const user = setup([view(1, "partnerstack", "partnerstack", "http://127.0.0.1:4010/api/v2", false)], {}, () => home);
    await user.click(await screen.findByTestId("connection-replace-keys"));
    await user.type(screen.getByTestId("connection-keys-user"), "pk");
    await user.type(screen.getByTestId("connection-keys-password"), "sk");
    await user.click(screen.getByTestId("connection-keys-save"));
    expect(await screen.findByTestId("connection-session-keys")).toHaveTextContent(
      "No system keychain is available (no Secret Service on the session bus). The keys are kept only until Partnerbook closes",
    );
    expect(screen.getByText("New keys for partnerstack saved for this session only.")).toBeInTheDocument();

    home = { kind: "keychain" };
    await user.click(screen.getByTestId("connection-replace-keys"));
    expect(screen.getByTestId("connection-keys-form")).toHaveTextContent("The new keys replace the saved ones.");
    await user.type(screen.getByTestId("connection-keys-user"), "pk");
    await user.type(screen.getByTestId("connection-keys-password"), "sk");
    await user.click(screen.getByTestId("connection-keys-save"));
    expect(await screen.findByText("New keys for partnerstack saved in the system keychain.")).toBeInTheDocument();
    expect(screen.queryByTestId("connection-session-keys")).not.toBeInTheDocument();
  });

  it("keeps the form with the core's refusal, under the key it names or above, and Cancel sends nothing", async () => {
    let refusal: unknown = { code: "invalid_input", message: "PartnerStack needs the secret key too", field: "password" };
    const user = setup([ps], {
      sync_connection_keys: () => {
        throw refusal;
      },
    });
    await user.click(await screen.findByTestId("connection-replace-keys"));
    await user.type(screen.getByTestId("connection-keys-user"), "pk");
    await user.type(screen.getByTestId("connection-keys-password"), "sk");
    await user.click(screen.getByTestId("connection-keys-save"));
    expect(await screen.findByText("PartnerStack needs the secret key too.")).toBeInTheDocument();
    expect(screen.getByTestId("connection-keys-password")).toHaveAttribute("aria-invalid", "true");

    refusal = { code: "not_found", message: "no connection named \"partnerstack\"", field: "name" };
    await user.click(screen.getByTestId("connection-keys-save"));
    expect(await screen.findByTestId("connection-keys-error")).toHaveTextContent('no connection named "partnerstack"');
    expect(screen.getByTestId("connection-keys-form")).toBeInTheDocument();
    expect(callsTo("sync_connection_keys")).toHaveLength(2);

    await user.click(within(screen.getByTestId("connection-keys-form")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("connection-keys-form")).not.toBeInTheDocument();
    expect(screen.getByTestId("connection-replace-keys")).toHaveAttribute("aria-expanded", "false");
    expect(callsTo("sync_connection_keys")).toHaveLength(2);
  });

  it("forgets what Test said about the old keys once new ones are saved", async () => {
    const user = setup([ps], {
      sync_connection_test: () => {
        throw { code: "invalid_input", message: "PartnerStack refused the keys (HTTP 401): check the public and secret keys", field: "keys" };
      },
    });
    await user.click(await screen.findByTestId("connection-test"));
    expect(await screen.findByTestId("connection-test-result")).toHaveTextContent("PartnerStack refused the keys");
    await user.click(screen.getByTestId("connection-replace-keys"));
    await user.type(screen.getByTestId("connection-keys-user"), "pk");
    await user.type(screen.getByTestId("connection-keys-password"), "sk");
    await user.click(screen.getByTestId("connection-keys-save"));
    await waitFor(() => expect(screen.queryByTestId("connection-keys-form")).not.toBeInTheDocument());
    expect(screen.queryByTestId("connection-test-result")).not.toBeInTheDocument();
  });

  it("removes a connection after saying what stays and what goes", async () => {
    const user = setup([ps]);
    await user.click(await screen.findByTestId("connection-remove"));
    const dialog = screen.getByTestId("connection-remove-dialog");
    expect(dialog).toHaveTextContent("Stays in the book: the partners, customers and sales it brought in.");
    expect(dialog).toHaveTextContent("Goes: its sync state");
    expect(dialog).toHaveTextContent("the platform's rewards kept for comparing, and its saved keys");
    await user.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(callsTo("sync_connection_remove")).toHaveLength(0);

    await user.click(screen.getByTestId("connection-remove"));
    await user.click(screen.getByTestId("connection-remove-confirm"));
    expect(callsTo("sync_connection_remove")).toEqual([{ name: "partnerstack" }]);
    expect(await screen.findByTestId("connections-empty")).toBeInTheDocument();
    expect(screen.queryByTestId("connection-remove-dialog")).not.toBeInTheDocument();
  });
});
