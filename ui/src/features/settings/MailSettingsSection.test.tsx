import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor } from "@testing-library/react";
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
        throw { code: "invalid_input", message: "tls: mail without encryption is only allowed to a server on this machine (127.0.0.1)" };
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
          throw { code: "invalid_input", message: "535 5.7.8 authentication failed" };
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
});
