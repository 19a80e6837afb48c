import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { JobProgress } from "../../bindings/JobProgress";
import type { MailSettings } from "../../bindings/MailSettings";
import type { OutboxMessage } from "../../bindings/OutboxMessage";
import type { SendReport } from "../../bindings/SendReport";
import { ToastProvider } from "../../components/Toast";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { type EmailIntent, EmailScreen } from "./EmailScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

function message(id: number, patch: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    key: `statement:2:${id}`,
    partner_id: id,
    template: "statement",
    to_email: `p${id}@example.com`,
    to_name: `Partner ${id}`,
    subject: "Your Acme statement for March 2026",
    attachment_name: `statement-R2-0000${id}.pdf`,
    status: "queued",
    attempts: 0,
    last_reply: null,
    next_attempt_at: "2026-04-04T10:00:00Z",
    created_at: "2026-04-04T10:00:00Z",
    sent_at: null,
    ...patch,
  };
}

const outbox = [
  message(4, { status: "unknown", attempts: 1 }),
  message(3, { status: "failed", attempts: 1, last_reply: "550 5.1.1 mailbox unavailable" }),
  message(2, { status: "sent", attempts: 1, last_reply: "250 Ok", sent_at: "2026-04-04T10:05:00Z" }),
  message(1),
];

const settings: MailSettings = { host: "smtp.acme.test", port: 587, tls: "starttls", user: "", from_name: "Acme", from_email: "partners@acme.test" };

function setup(extra: Parameters<typeof mockCommands>[0] = {}, initial?: EmailIntent) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    mail_outbox: ({ status }) => (status ? outbox.filter((m) => m.status === status) : outbox),
    mail_settings_get: () => settings,
    mail_password_saved: () => false,
    mail_decide: () => null,
    job_cancel: () => null,
    ...extra,
  });
  render(
    <ToastProvider>
      <EmailScreen initial={initial} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const row = (id: number) => screen.getAllByTestId("outbox-row").find((r) => r.dataset.id === String(id))!;

describe("Email → Outbox", () => {
  it("lists every message with its status, tries, reply, time and attachment", async () => {
    setup();
    expect(await screen.findAllByTestId("outbox-row")).toHaveLength(4);
    expect(callsTo("mail_outbox")).toEqual([{ status: null, runId: null, limit: 500 }]);
    expect(row(3)).toHaveTextContent("Partner 3");
    expect(row(3)).toHaveTextContent("p3@example.com");
    expect(row(3)).toHaveTextContent("Failed");
    expect(row(3)).toHaveTextContent("550 5.1.1 mailbox unavailable");
    expect(row(3)).toHaveTextContent("statement-R2-00003.pdf");
    expect(row(2)).toHaveTextContent("sent");
    expect(row(1)).toHaveTextContent("created");
    expect(screen.getByTestId("outbox-count")).toHaveTextContent("4 messages");
  });

  it("offers the decisions each status allows and records the one chosen", async () => {
    const user = setup();
    await screen.findAllByTestId("outbox-row");
    const buttons = (id: number) => within(row(id)).queryAllByRole("button").map((b) => b.textContent);
    expect(buttons(4)).toEqual(["It was sent", "Send again"]);
    expect(buttons(3)).toEqual(["Retry", "Cancel"]);
    expect(buttons(2)).toEqual([]);
    expect(buttons(1)).toEqual(["Cancel"]);

    await user.click(within(row(4)).getByTestId("outbox-decide-mark_sent"));
    await waitFor(() => expect(callsTo("mail_decide")).toEqual([{ id: 4, decision: "mark_sent" }]));
    expect(await screen.findByTestId("toast")).toHaveTextContent("Marked the message to p4@example.com as sent.");
    await user.click(within(row(3)).getByTestId("outbox-decide-retry"));
    await user.click(within(row(1)).getByTestId("outbox-decide-cancel"));
    await waitFor(() => expect(callsTo("mail_decide")).toHaveLength(3));
    expect(callsTo("mail_decide").slice(1)).toEqual([
      { id: 3, decision: "retry" },
      { id: 1, decision: "cancel" },
    ]);
    // The outbox is read again after each decision.
    await waitFor(() => expect(callsTo("mail_outbox")).toHaveLength(4));
  });

  it("shows one payout run's statement emails", async () => {
    const user = setup({
      payout_runs_list: () => [
        { id: 3, status: "approved", through: "2026-11-30" },
        { id: 4, status: "draft", through: "2026-12-31" },
      ],
    });
    await screen.findAllByTestId("outbox-row");
    const select = await screen.findByTestId("outbox-filter-run");
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "Every message",
      "Statements of run #3 (through Nov 30, 2026)",
    ]);
    await user.selectOptions(select, "3");
    await waitFor(() => expect(callsTo("mail_outbox").at(-1)).toEqual({ status: null, runId: 3, limit: 500 }));
  });

  it("filters by status", async () => {
    const user = setup();
    await screen.findAllByTestId("outbox-row");
    await user.click(screen.getByTestId("outbox-filter-failed"));
    await waitFor(() => expect(screen.getAllByTestId("outbox-row")).toHaveLength(1));
    expect(callsTo("mail_outbox").at(-1)).toEqual({ status: "failed", runId: null, limit: 500 });
    await user.click(screen.getByTestId("outbox-filter-cancelled"));
    expect(await screen.findByText("No cancelled messages")).toBeInTheDocument();
  });

  it("says so when the outbox is empty", async () => {
    setup({ mail_outbox: () => [] });
    expect(await screen.findByText("The outbox is empty")).toBeInTheDocument();
    expect(screen.queryByTestId("outbox-table")).not.toBeInTheDocument();
  });

  it("sends with progress, then says what went and warns about messages in doubt", async () => {
    const sending = deferred<SendReport>();
    const user = setup({
      mail_send: (args) => {
        (args.onProgress as { onmessage: (p: JobProgress) => void }).onmessage({ step: "p1@example.com", done: 1, total: 4 });
        return sending.promise;
      },
    });
    await screen.findAllByTestId("outbox-row");
    await user.click(screen.getByTestId("outbox-send"));
    expect(await screen.findByTestId("outbox-send-job")).toHaveTextContent("Sending email: p1@example.com1 of 4");
    expect(callsTo("mail_send")).toMatchObject([{ password: null }]);
    expect(screen.getByTestId("outbox-send")).toBeDisabled();

    sending.resolve({ sent: 3, failed: 1, deferred: 0, unknown: 2 });
    expect(await screen.findByTestId("outbox-send-report")).toHaveTextContent("3 sent, 1 failed, 0 to retry later.");
    expect(screen.getByTestId("outbox-send-unknown")).toHaveTextContent("2 messages may or may not have gone");
    expect(screen.queryByTestId("outbox-send-job")).not.toBeInTheDocument();
    await waitFor(() => expect(callsTo("mail_outbox")).toHaveLength(2));

    await user.click(screen.getByTestId("outbox-show-unknown"));
    await waitFor(() => expect(callsTo("mail_outbox").at(-1)).toEqual({ status: "unknown", runId: null, limit: 500 }));
  });

  it("asks for the password first when the server has a user, and cancels on request", async () => {
    const sending = deferred<SendReport>();
    const user = setup({ mail_settings_get: () => ({ ...settings, user: "ana" }), mail_send: () => sending.promise });
    await screen.findAllByTestId("outbox-row");
    await user.click(screen.getByTestId("outbox-send"));
    await user.type(await screen.findByTestId("mail-password"), "hunter2");
    await user.click(screen.getByTestId("mail-password-submit"));
    expect(callsTo("mail_password_saved")).toHaveLength(1);
    expect(callsTo("mail_password_save")).toHaveLength(0);
    expect(callsTo("mail_send")).toMatchObject([{ password: "hunter2" }]);

    await user.click(await screen.findByTestId("outbox-send-job-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    sending.reject({ code: "cancelled", message: "cancelled", field: null });
    expect(await screen.findByTestId("outbox-send-report")).toHaveTextContent("Cancelled: the messages not sent yet stay in the outbox.");
  });

  it("sends with the saved password without asking for it", async () => {
    const user = setup({
      mail_settings_get: () => ({ ...settings, user: "ana" }),
      mail_password_saved: () => true,
      mail_send: () => ({ sent: 4, failed: 0, deferred: 0, unknown: 0 }),
    });
    await screen.findAllByTestId("outbox-row");
    await user.click(screen.getByTestId("outbox-send"));
    expect(await screen.findByTestId("outbox-send-report")).toHaveTextContent("4 sent, 0 failed, 0 to retry later.");
    expect(callsTo("mail_password_saved")).toHaveLength(1);
    expect(callsTo("mail_send")).toMatchObject([{ password: null }]);
    expect(screen.queryByTestId("mail-password-dialog")).not.toBeInTheDocument();
  });

  it("does not look for a saved password when the server needs no login", async () => {
    const user = setup({ mail_send: () => ({ sent: 1, failed: 0, deferred: 0, unknown: 0 }) });
    await screen.findAllByTestId("outbox-row");
    await user.click(screen.getByTestId("outbox-send"));
    expect(await screen.findByTestId("outbox-send-report")).toHaveTextContent("1 sent");
    expect(callsTo("mail_password_saved")).toHaveLength(0);
    expect(callsTo("mail_send")).toMatchObject([{ password: null }]);
  });

  it("sends nothing when the password dialog is closed", async () => {
    const user = setup({ mail_settings_get: () => ({ ...settings, user: "ana" }), mail_send: () => ({ sent: 0, failed: 0, deferred: 0, unknown: 0 }) });
    await screen.findAllByTestId("outbox-row");
    await user.click(screen.getByTestId("outbox-send"));
    await user.click(within(await screen.findByTestId("mail-password-dialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("mail-password-dialog")).not.toBeInTheDocument();
    expect(callsTo("mail_send")).toHaveLength(0);
  });
});

describe("Email opened for failed messages", () => {
  it("starts the outbox on the failed ones", async () => {
    setup({}, { outbox: "failed" });
    expect(await screen.findAllByTestId("outbox-row")).toHaveLength(1);
    expect(callsTo("mail_outbox")[0]).toMatchObject({ status: "failed" });
    expect(screen.getByTestId("outbox-filter-failed")).toHaveAttribute("aria-pressed", "true");
  });
});
