import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { MailSettings } from "../../bindings/MailSettings";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { MailSettingsSection } from "./MailSettingsSection";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

const stored: MailSettings = {
  host: "smtp.example.com",
  port: 587,
  tls: "starttls",
  user: "",
  from_name: "Acme Partners",
  from_email: "partners@acme.test",
};

function setup(handlers: Parameters<typeof mockCommands>[0] = {}, settings: MailSettings = stored) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    mail_settings_get: () => settings,
    mail_settings_set: ({ settings: s }) => s,
    mail_password_saved: () => false,
    mail_password_save: () => ({ kind: "keychain" }),
    mail_password_forget: () => null,
    ...handlers,
  });
  render(
    <ToastProvider>
      <MailSettingsSection />
    </ToastProvider>,
  );
  return userEvent.setup();
}

describe("Settings → Email", () => {
  it("saves the server, the encryption and the sender as typed", async () => {
    const user = setup();
    const host = await screen.findByTestId("mail-host");
    expect(screen.getByTestId("mail-save")).toBeDisabled();
    await user.clear(host);
    await user.type(host, " mail.acme.test ");
    await user.selectOptions(screen.getByTestId("mail-tls"), "TLS (port 465)");
    expect(screen.getByTestId("mail-port")).toHaveValue("465");
    await user.type(screen.getByTestId("mail-user"), "ana");
    await user.clear(screen.getByTestId("mail-from-name"));
    await user.type(screen.getByTestId("mail-from-name"), "Ana at Acme");
    await user.click(screen.getByTestId("mail-save"));

    await waitFor(() => expect(callsTo("mail_settings_set")).toHaveLength(1));
    expect(callsTo("mail_settings_set")[0]).toEqual({
      settings: { host: "mail.acme.test", port: 465, tls: "tls", user: "ana", from_name: "Ana at Acme", from_email: "partners@acme.test" },
    });
    expect(await screen.findByTestId("toast")).toHaveTextContent("Email settings saved.");
    expect(screen.getByTestId("mail-save")).toBeDisabled();
  });

  it("shows the core's refusal under the field it names", async () => {
    const user = setup({
      mail_settings_set: () => {
        throw { code: "invalid_input", message: "mail without encryption is only allowed to a server on this machine (127.0.0.1)", field: "tls" };
      },
    });
    await user.selectOptions(await screen.findByTestId("mail-tls"), "none");
    expect(screen.getByRole("option", { name: "None — only for a server on this computer" })).toBeInTheDocument();
    await user.click(screen.getByTestId("mail-save"));
    expect(await screen.findByText("Mail without encryption is only allowed to a server on this machine (127.0.0.1).")).toBeInTheDocument();
    expect(screen.getByTestId("mail-tls")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("mail-tls")).toHaveFocus();
  });

  it("refuses a port that is not one before asking the core", async () => {
    const user = setup();
    const port = await screen.findByTestId("mail-port");
    await user.clear(port);
    await user.type(port, "70000");
    await user.click(screen.getByTestId("mail-save"));
    expect(await screen.findByText("Enter a port between 1 and 65535.")).toBeInTheDocument();
    expect(callsTo("mail_settings_set")).toHaveLength(0);
  });

  it("sends a test to the sender's address and shows the server's reply", async () => {
    const user = setup({ mail_send_test: () => "250 2.0.0 Ok: queued as 4F2A" });
    expect(await screen.findByTestId("mail-test-to")).toHaveValue("partners@acme.test");
    await user.click(screen.getByTestId("mail-test"));
    expect(await screen.findByTestId("mail-test-result")).toHaveTextContent(
      "Sent to partners@acme.test. The server replied: 250 2.0.0 Ok: queued as 4F2A",
    );
    expect(callsTo("mail_send_test")).toEqual([{ to: "partners@acme.test", password: null }]);
  });

  it("asks for the password when the server has a user, and shows a refusal", async () => {
    const user = setup(
      {
        mail_send_test: () => {
          throw { code: "invalid_input", message: "535 5.7.8 authentication failed", field: null };
        },
      },
      { ...stored, user: "ana" },
    );
    const to = await screen.findByTestId("mail-test-to");
    await user.clear(to);
    await user.type(to, "ana@example.com");
    await user.click(screen.getByTestId("mail-test"));
    expect(screen.getByTestId("mail-password-dialog")).toHaveTextContent("For ana on smtp.example.com");
    await user.type(screen.getByTestId("mail-password"), "s3cret{Enter}");
    expect(await screen.findByTestId("mail-test-result")).toHaveTextContent("535 5.7.8 authentication failed");
    expect(callsTo("mail_send_test")).toEqual([{ to: "ana@example.com", password: "s3cret" }]);
    expect(screen.queryByTestId("mail-password-dialog")).not.toBeInTheDocument();
  });

  it("waits for unsaved changes to be saved before testing", async () => {
    const user = setup();
    await user.type(await screen.findByTestId("mail-host"), "x");
    expect(screen.getByTestId("mail-test")).toBeDisabled();
    expect(screen.getByText("Save your changes first: the test uses the saved settings.")).toBeInTheDocument();
  });

  it("asks for the password unless one is saved, and then sends without asking", async () => {
    const user = setup({ mail_password_saved: () => true, mail_send_test: () => "250 Ok" }, { ...stored, user: "ana" });
    await user.click(await screen.findByTestId("mail-test"));
    expect(await screen.findByTestId("mail-test-result")).toHaveTextContent("Sent to partners@acme.test. The server replied: 250 Ok");
    expect(callsTo("mail_send_test")).toEqual([{ to: "partners@acme.test", password: null }]);
    expect(screen.queryByTestId("mail-password-dialog")).not.toBeInTheDocument();
  });

  it("remembers the password typed in the dialog when asked to, before sending", async () => {
    const user = setup({ mail_send_test: () => "250 Ok" }, { ...stored, user: "ana" });
    await user.click(await screen.findByTestId("mail-test"));
    const dialog = screen.getByTestId("mail-password-dialog");
    expect(dialog).toHaveTextContent("Otherwise it is used for this sending only and is not saved.");
    await user.type(within(dialog).getByTestId("mail-password"), "s3cret");
    await user.click(within(dialog).getByLabelText(/Remember in the system keychain/));
    await user.click(within(dialog).getByTestId("mail-password-submit"));

    expect(await screen.findByTestId("mail-test-result")).toHaveTextContent("250 Ok");
    const order = vi.mocked(invoke).mock.calls.map(([cmd]) => cmd).filter((c) => c === "mail_password_save" || c === "mail_send_test");
    expect(order).toEqual(["mail_password_save", "mail_send_test"]);
    expect(callsTo("mail_password_save")).toEqual([{ password: "s3cret" }]);
    expect(callsTo("mail_send_test")).toEqual([{ to: "partners@acme.test", password: "s3cret" }]);
    expect(screen.queryByTestId("mail-password-dialog")).not.toBeInTheDocument();
  });

  it("says in the dialog when there is no keychain, then sends on the next click", async () => {
    const user = setup(
      { mail_send_test: () => "250 Ok", mail_password_save: () => ({ kind: "unavailable", reason: "no Secret Service on the session bus" }) },
      { ...stored, user: "ana" },
    );
    await user.click(await screen.findByTestId("mail-test"));
    await user.type(screen.getByTestId("mail-password"), "s3cret");
    await user.click(screen.getByTestId("mail-password-remember"));
    await user.click(screen.getByTestId("mail-password-submit"));
    expect(await screen.findByTestId("mail-password-session-only")).toHaveTextContent(
      "No system keychain is available (no Secret Service on the session bus). The password is kept only until Partnerbook closes; you will be asked again next time.",
    );
    expect(callsTo("mail_send_test")).toHaveLength(0);
    await user.click(screen.getByTestId("mail-password-submit"));
    expect(await screen.findByTestId("mail-test-result")).toHaveTextContent("250 Ok");
    expect(callsTo("mail_password_save")).toHaveLength(1);
    expect(callsTo("mail_send_test")).toEqual([{ to: "partners@acme.test", password: "s3cret" }]);
  });
});

describe("Settings → Email → password", () => {
  it("is not offered when the server needs no login", async () => {
    setup();
    await screen.findByTestId("mail-host");
    expect(screen.queryByTestId("mail-password-area")).not.toBeInTheDocument();
    expect(callsTo("mail_password_saved")).toHaveLength(0);
  });

  it("saves the password in the system keychain, and forgets it", async () => {
    const user = setup({}, { ...stored, user: "ana" });
    expect(await screen.findByTestId("mail-password-state")).toHaveTextContent("No password saved: Partnerbook asks for it each time you send.");
    expect(screen.getByLabelText("Password for ana")).toHaveAttribute("type", "password");
    await user.click(screen.getByTestId("mail-password-save"));
    expect(screen.getByText("Enter the password.")).toBeInTheDocument();
    expect(callsTo("mail_password_save")).toHaveLength(0);

    await user.type(screen.getByTestId("mail-password-input"), "hunter2");
    await user.click(screen.getByTestId("mail-password-save"));
    expect(callsTo("mail_password_save")).toEqual([{ password: "hunter2" }]);
    await waitFor(() => expect(screen.getByTestId("mail-password-state")).toHaveTextContent("Saved in the system keychain."));
    expect(screen.getByTestId("mail-password-input")).toHaveValue("");

    await user.click(screen.getByTestId("mail-password-forget"));
    expect(callsTo("mail_password_forget")).toEqual([{}]);
    await waitFor(() => expect(screen.getByTestId("mail-password-state")).toHaveTextContent("No password saved"));
    expect(screen.queryByTestId("mail-password-forget")).not.toBeInTheDocument();
  });

  it("says a password is saved, and warns when there is no keychain to keep it in", async () => {
    const user = setup(
      { mail_password_saved: () => true, mail_password_save: () => ({ kind: "unavailable", reason: "no Secret Service on the session bus" }) },
      { ...stored, user: "ana" },
    );
    expect(await screen.findByTestId("mail-password-state")).toHaveTextContent("A password is saved: sending uses it without asking.");
    expect(screen.getByTestId("mail-password-forget")).toBeInTheDocument();

    await user.type(screen.getByTestId("mail-password-input"), "hunter2");
    await user.click(screen.getByTestId("mail-password-save"));
    const warning = await screen.findByRole("alert");
    expect(warning).toHaveAttribute("data-testid", "mail-password-state");
    expect(warning).toHaveTextContent(
      "No system keychain is available (no Secret Service on the session bus). The password is kept only until Partnerbook closes; you will be asked again next time.",
    );
    expect(within(warning).getByTestId("mail-password-forget")).toBeInTheDocument();
  });

  it("waits for unsaved changes before saving a password, and shows a refusal", async () => {
    const user = setup(
      {
        mail_password_save: () => {
          throw { code: "io", message: "the keychain is locked", field: null };
        },
      },
      { ...stored, user: "ana" },
    );
    await screen.findByTestId("mail-password-state");
    await user.type(screen.getByTestId("mail-password-input"), "hunter2");
    await user.type(screen.getByTestId("mail-host"), "x");
    expect(screen.getByTestId("mail-password-save")).toBeDisabled();
    expect(screen.getByText("Save your changes first: the password goes with the saved user name.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Discard changes" }));
    await user.click(screen.getByTestId("mail-password-save"));
    expect(await screen.findByTestId("mail-password-error")).toHaveTextContent("The keychain is locked.");
    expect(screen.getByTestId("mail-password-state")).toHaveTextContent("No password saved");
  });
});
