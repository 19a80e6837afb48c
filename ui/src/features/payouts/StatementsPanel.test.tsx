import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { JobProgress } from "../../bindings/JobProgress";
import type { QueueReport } from "../../bindings/QueueReport";
import type { PayoutRun } from "../../bindings/PayoutRun";
import type { StatementsReport } from "../../bindings/StatementsReport";
import { ToastProvider } from "../../components/Toast";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { RunView } from "./RunView";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const usd = (minor: number) => ({ minor, currency: "USD" });

const approved: PayoutRun = {
  id: 2,
  through: "2026-03-31",
  status: "approved",
  fingerprint: "a1b2c3d4e5f6".padEnd(64, "0"),
  backup_path: "/b/backup.partnerbook",
  created_at: "2026-04-02T09:00:00Z",
  approved_at: "2026-04-03T10:00:00Z",
  paid_count: 3,
  held_count: 0,
  total: usd(90000),
  pay_totals: [usd(90000)],
  carried_forward: usd(0),
  settled_paid: 0,
  settled_failed: 0,
};

type Handlers = Parameters<typeof mockCommands>[0];

/** The paths statements_write reports for `n` partners, in partner order. */
const statementPaths = (n: number) =>
  Array.from({ length: n }, (_, i) => `/home/ana/statements/statement-R2-${String(i + 1).padStart(5, "0")}.pdf`);

function setup(extra: Handlers = {}, onOpenEmail?: () => void) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockReset();
  mockCommands({
    payout_run_get: () => approved,
    payout_payer_get: () => ({ name: "Acme Ltd", iban: "", bic: "" }),
    job_cancel: () => null,
    ...extra,
  });
  render(
    <ToastProvider>
      <RunView runId={2} baseCurrency="USD" onBack={() => undefined} onChanged={() => undefined} onOpenEmail={onOpenEmail} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

describe("StatementsPanel", () => {
  it("writes the statements into the folder chosen, with progress, then says what it wrote", async () => {
    const writing = deferred<StatementsReport>();
    const user = setup({
      statements_write: (args) => {
        (args.onProgress as { onmessage: (p: JobProgress) => void }).onmessage({ step: "Ana Lima", done: 1, total: 3 });
        return writing.promise;
      },
    });
    vi.mocked(open).mockResolvedValue("/home/ana/statements");
    await user.click(await screen.findByTestId("payout-statements"));
    expect(vi.mocked(open).mock.calls).toEqual([[{ directory: true, multiple: false, title: "Folder for the statements" }]]);
    expect(callsTo("statements_write")).toMatchObject([{ runId: 2, dir: "/home/ana/statements" }]);
    expect(await screen.findByTestId("payout-statements-job")).toHaveTextContent("Writing statements for run #2: Ana Lima1 of 3");
    expect(screen.getByTestId("payout-statements")).toBeDisabled();

    writing.resolve({ run_id: 2, dir: "/home/ana/statements", files: 3, bytes: 12_300, paths: statementPaths(3) });
    expect(await screen.findByTestId("payout-statements-report")).toHaveTextContent("3 statements written to /home/ana/statements (13 KB)");
    expect(screen.getAllByTestId("payout-statement-file").map((li) => li.textContent)).toEqual([
      "statement-R2-00001.pdfOpen",
      "statement-R2-00002.pdfOpen",
      "statement-R2-00003.pdfOpen",
    ]);
    expect(screen.queryByTestId("payout-statement-more")).not.toBeInTheDocument();
    expect(screen.queryByTestId("payout-statements-job")).not.toBeInTheDocument();
    expect(screen.getByTestId("payout-statements")).toBeEnabled();
  });

  it("lists the first 20 statements to open one by one, counts the rest, and shows the folder", async () => {
    const user = setup({
      statements_write: () => ({ run_id: 2, dir: "/home/ana/statements", files: 23, bytes: 80_000, paths: statementPaths(23) }),
      file_open: () => null,
      file_reveal: () => null,
    });
    vi.mocked(open).mockResolvedValue("/home/ana/statements");
    await user.click(await screen.findByTestId("payout-statements"));
    const files = await screen.findAllByTestId("payout-statement-file");
    expect(files).toHaveLength(20);
    expect(files[19]).toHaveTextContent("statement-R2-00020.pdf");
    expect(screen.getByTestId("payout-statement-more")).toHaveTextContent("and 3 more");

    await user.click(within(files[1]).getByRole("button", { name: "Open statement-R2-00002.pdf" }));
    expect(callsTo("file_open")).toEqual([{ path: "/home/ana/statements/statement-R2-00002.pdf" }]);
    await user.click(screen.getByTestId("payout-statements-reveal"));
    expect(callsTo("file_reveal")).toEqual([{ path: "/home/ana/statements/statement-R2-00001.pdf" }]);
    expect(screen.queryByTestId("payout-statements-file-error")).not.toBeInTheDocument();
  });

  it("says why a statement could not be opened", async () => {
    const user = setup({
      statements_write: () => ({ run_id: 2, dir: "/home/ana/statements", files: 1, bytes: 4_000, paths: statementPaths(1) }),
      file_open: () => {
        throw { code: "io", message: "no application is set to open PDF files", field: null };
      },
    });
    vi.mocked(open).mockResolvedValue("/home/ana/statements");
    await user.click(await screen.findByTestId("payout-statements"));
    await user.click(await screen.findByRole("button", { name: "Open statement-R2-00001.pdf" }));
    expect(await screen.findByTestId("payout-statements-file-error")).toHaveTextContent("No application is set to open PDF files.");
  });

  it("writes nothing when the folder dialog is cancelled", async () => {
    const user = setup({ statements_write: () => null });
    vi.mocked(open).mockResolvedValue(null);
    await user.click(await screen.findByTestId("payout-statements"));
    expect(vi.mocked(open)).toHaveBeenCalledTimes(1);
    expect(callsTo("statements_write")).toHaveLength(0);
    expect(screen.queryByTestId("payout-statements-report")).not.toBeInTheDocument();
    expect(screen.queryByTestId("payout-statements-error")).not.toBeInTheDocument();
  });

  it("cancels a running job, and shows an error like the other panels", async () => {
    const writing = deferred<StatementsReport>();
    const user = setup({ statements_write: () => writing.promise });
    vi.mocked(open).mockResolvedValue("/home/ana/statements");
    await user.click(await screen.findByTestId("payout-statements"));
    await user.click(await screen.findByTestId("payout-statements-job-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    writing.reject({ code: "cancelled", message: "cancelled", field: null });
    expect(await screen.findByTestId("payout-statements-error")).toHaveTextContent("Cancelled: not every statement was written.");

    mockCommands({
      statements_write: () => {
        throw { code: "io", message: "cannot write /home/ana/statements: permission denied", field: null };
      },
    });
    await user.click(screen.getByTestId("payout-statements"));
    expect(await screen.findByTestId("payout-statements-error")).toHaveTextContent(/permission denied/);
    expect(screen.queryByTestId("payout-statements-report")).not.toBeInTheDocument();
  });
});

describe("EmailStatementsPanel", () => {
  it("queues the run's statement emails with progress, then opens the outbox", async () => {
    const queueing = deferred<QueueReport>();
    const onOpenEmail = vi.fn();
    const user = setup(
      {
        mail_queue_statements: (args) => {
          (args.onProgress as { onmessage: (p: JobProgress) => void }).onmessage({ step: "Ana Lima", done: 2, total: 3 });
          return queueing.promise;
        },
      },
      onOpenEmail,
    );
    await user.click(await screen.findByTestId("payout-email-statements"));
    expect(callsTo("mail_queue_statements")).toMatchObject([{ runId: 2 }]);
    expect(await screen.findByTestId("payout-email-job")).toHaveTextContent("Queueing statement emails for run #2: Ana Lima2 of 3");
    expect(screen.getByTestId("payout-email-statements")).toBeDisabled();

    queueing.resolve({ queued: 2, already: 1 });
    expect(await screen.findByTestId("payout-email-report")).toHaveTextContent("2 queued (1 was already in the outbox).");
    await user.click(screen.getByTestId("payout-email-open-outbox"));
    expect(onOpenEmail).toHaveBeenCalledTimes(1);
  });

  it("says where the outbox is when it cannot open it, and shows a refusal", async () => {
    const user = setup({ mail_queue_statements: () => ({ queued: 0, already: 3 }) });
    await user.click(await screen.findByTestId("payout-email-statements"));
    expect(await screen.findByTestId("payout-email-report")).toHaveTextContent(
      "0 queued (3 were already in the outbox). Open Email → Outbox to send them.",
    );

    mockCommands({
      mail_queue_statements: () => {
        throw { code: "invalid_input", message: "set the sender's address in Settings → Email first", field: "from_email" };
      },
    });
    await user.click(screen.getByTestId("payout-email-statements"));
    expect(await screen.findByTestId("payout-email-error")).toHaveTextContent("set the sender's address in Settings → Email first");
    expect(screen.queryByTestId("payout-email-report")).not.toBeInTheDocument();
  });
});
