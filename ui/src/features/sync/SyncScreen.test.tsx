import { invoke } from "@tauri-apps/api/core";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Comparison } from "../../bindings/Comparison";
import type { ConnectionView } from "../../bindings/ConnectionView";
import type { JobProgress } from "../../bindings/JobProgress";
import type { ResourceStatus } from "../../bindings/ResourceStatus";
import type { ScreenedSync } from "../../bindings/ScreenedSync";
import type { SyncConflict } from "../../bindings/SyncConflict";
import { ToastProvider } from "../../components/Toast";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { SyncScreen } from "./SyncScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

type Channel = { onmessage: (p: JobProgress) => void };

const TODAY = new Date(2026, 11, 5, 12, 0); // 5 December 2026: last month is November.

function status(resource: ResourceStatus["resource"], over: Partial<ResourceStatus> = {}): ResourceStatus {
  return {
    resource,
    synced_to: "2026-11-02T01:03:00Z",
    last_started: "2026-12-05T09:00:00Z",
    last_finished: "2026-12-05T09:01:00Z",
    interrupted: false,
    last_error: "",
    last_run: { resource, pages: 1, fetched: 13, added: 12, changed: 0, unchanged: 0, skipped: { "a test partner (gstest)": 1 }, conflicts: 0 },
    mapped: 12,
    ...over,
  };
}

const ps = (over: Partial<ConnectionView> = {}): ConnectionView => ({
  connection: { id: 1, name: "partnerstack", platform: "partnerstack", base_url: "https://api.partnerstack.com/api/v2", created_at: "2026-12-01T09:00:00Z" },
  has_keys: true,
  resources: [],
  conflicts: 0,
  ...over,
});

const synced: ScreenedSync = {
  risk: { since: 0, raised: [{ check: "self_referral", count: 1 }], holding: 1, closed: 0 },
  connection: "partnerstack",
  platform: "partnerstack",
  dry_run: false,
  resources: [
    { resource: "partners", pages: 1, fetched: 13, added: 12, changed: 0, unchanged: 0, skipped: { "a test partner (gstest)": 1 }, conflicts: 0 },
    { resource: "transactions", pages: 1, fetched: 51, added: 50, changed: 0, unchanged: 0, skipped: { "a test transaction (made with test keys)": 1 }, conflicts: 2 },
  ],
  requests: 7,
  waited_ms: 0,
  commissions_computed: 50,
};

function setup(handlers: Parameters<typeof mockCommands>[0]) {
  vi.mocked(invoke).mockReset();
  mockCommands({ job_cancel: () => null, ...handlers });
  const onOpenConnections = vi.fn();
  const onOpenRisk = vi.fn();
  render(
    <ToastProvider>
      <SyncScreen onOpenConnections={onOpenConnections} onOpenRisk={onOpenRisk} today={TODAY} />
    </ToastProvider>,
  );
  return { user: userEvent.setup(), onOpenConnections, onOpenRisk };
}

describe("SyncScreen", () => {
  it("says what to do when there is no connection, with a way to Settings › Connections", async () => {
    const { user, onOpenConnections } = setup({ sync_connections: () => [] });
    const empty = await screen.findByTestId("sync-empty");
    expect(empty).toHaveTextContent("No connection yet");
    expect(empty).toHaveTextContent("add a connection with your API keys in Settings › Connections");
    expect(screen.queryByTestId("sync-now")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("sync-open-connections"));
    expect(onOpenConnections).toHaveBeenCalledTimes(1);
  });

  it("shows per resource how far sync has got, what the last run did and its error", async () => {
    setup({
      sync_connections: () => [
        ps({
          resources: [
            status("partners"),
            status("transactions", { interrupted: true, last_error: "PartnerStack answered HTTP 503", mapped: 1200, last_run: null }),
          ],
        }),
      ],
    });
    const rows = await screen.findAllByTestId("sync-status-row");
    expect(rows.map((r) => r.getAttribute("data-resource"))).toEqual(["partners", "transactions"]);
    const partners = within(rows[0]).getAllByRole("cell").map((c) => c.textContent);
    expect(partners[2]).toBe("12"); // records
    expect(partners.slice(3, 6)).toEqual(["12", "0", "1"]); // added, changed, skipped
    expect(within(rows[0]).getByText("1").getAttribute("title")).toBe("1 a test partner (gstest)");
    expect(within(rows[1]).getByTestId("sync-status-records")).toHaveTextContent("1,200");
    expect(within(rows[1]).getByText("Unfinished")).toHaveAttribute("title", "The next sync goes on from where this one stopped");
    expect(within(rows[1]).getByTestId("sync-status-error")).toHaveTextContent("PartnerStack answered HTTP 503");
    expect(screen.getByTestId("sync-last")).toHaveTextContent(/^Last synced Dec 5, 2026/);
  });

  it("syncs now with progress, then shows the outcome per resource and the risk flags raised", async () => {
    const answer = deferred<ScreenedSync>();
    let channel: Channel | null = null;
    let connections = [ps()];
    const { user, onOpenRisk } = setup({
      sync_connections: () => connections,
      sync_run: (args) => {
        channel = args.onProgress as Channel;
        return answer.promise;
      },
    });
    await user.click(await screen.findByTestId("sync-now"));
    expect(callsTo("sync_run")[0]).toMatchObject({ name: "partnerstack", dryRun: false, resources: [] });
    act(() => channel!.onmessage({ step: "Syncing partners", done: 250, total: 0 }));
    expect(screen.getByTestId("sync-job")).toHaveTextContent("Syncing partnerstack: partners (250 fetched)");
    expect(screen.getByTestId("sync-now")).toBeDisabled();
    expect(screen.getByTestId("sync-dry-run")).toBeDisabled();

    connections = [ps({ resources: [status("partners")] })];
    await act(async () => answer.resolve(synced));
    const outcome = await screen.findByTestId("sync-outcome");
    expect(within(outcome).getByTestId("sync-outcome-summary")).toHaveTextContent(
      "Synced partnerstack: 62 added, 0 changed, 2 skipped, 2 new conflicts. Commissions computed for 50 sales.",
    );
    const rows = within(outcome).getAllByTestId("sync-outcome-row");
    expect(rows[1]).toHaveTextContent("Transactions");
    expect(rows[1]).toHaveTextContent("1 a test transaction (made with test keys)");
    expect(within(rows[1]).getByTestId("sync-outcome-added")).toHaveTextContent("50");
    expect(within(outcome).getByTestId("sync-outcome-risk")).toHaveTextContent("Risk checks on the new sales: 1 new flag: 1 self-referral. 1 holds commissions until cleared.");
    await user.click(within(outcome).getByRole("button", { name: "Review them under Risk" }));
    expect(onOpenRisk).toHaveBeenCalled();
    expect(screen.queryByTestId("sync-job")).not.toBeInTheDocument();
    // The status is read again after the run.
    expect(await screen.findAllByTestId("sync-status-row")).toHaveLength(1);
  });

  it("runs dry, says nothing was written; a cancelled run says so and an error stays on screen", async () => {
    let next: () => Promise<ScreenedSync> = async () => ({ ...synced, dry_run: true, risk: null });
    const { user } = setup({ sync_connections: () => [ps()], sync_run: () => next() });
    await user.click(await screen.findByTestId("sync-dry-run"));
    expect(callsTo("sync_run")[0]).toMatchObject({ dryRun: true });
    expect(await screen.findByTestId("sync-outcome")).toHaveTextContent("Nothing written");
    expect(screen.getByTestId("sync-outcome-summary")).toHaveTextContent(/^Dry run of partnerstack: a sync now would give 62 added.*Nothing was written\.$/);
    expect(screen.queryByTestId("sync-outcome-risk")).not.toBeInTheDocument();

    next = async () => {
      throw { code: "cancelled", message: "cancelled", field: null };
    };
    await user.click(screen.getByTestId("sync-now"));
    expect(await screen.findByText("Sync of partnerstack stopped. What came in is kept; the next sync goes on from there.")).toBeInTheDocument();
    expect(screen.queryByTestId("sync-error")).not.toBeInTheDocument();

    next = async () => {
      throw { code: "invalid_input", message: "PartnerStack refused the keys (HTTP 401)", field: "keys" };
    };
    await user.click(screen.getByTestId("sync-now"));
    expect(await screen.findByTestId("sync-error")).toHaveTextContent(/^PartnerStack refused the keys \(HTTP 401\)\.$/);
  });

  it("cancels a running sync", async () => {
    const answer = deferred<ScreenedSync>();
    const { user } = setup({
      sync_connections: () => [ps()],
      sync_run: () => answer.promise,
      job_cancel: () => {
        answer.reject({ code: "cancelled", message: "cancelled", field: null });
        return null;
      },
    });
    await user.click(await screen.findByTestId("sync-now"));
    await user.click(screen.getByTestId("sync-job-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    await waitFor(() => expect(screen.queryByTestId("sync-job")).not.toBeInTheDocument());
    expect(screen.getByTestId("sync-now")).toBeEnabled();
  });

  it("will not sync a connection without keys and points to Replace keys in Settings › Connections", async () => {
    const { user, onOpenConnections } = setup({ sync_connections: () => [ps({ has_keys: false })] });
    const banner = await screen.findByTestId("sync-no-keys");
    expect(banner).toHaveTextContent("No keys for partnerstack: enter them with “Replace keys” in Settings › Connections, or set PARTNERBOOK_PARTNERSTACK_PUBLIC_KEY");
    expect(banner).not.toHaveTextContent("partnerbook sync keys");
    expect(screen.getByTestId("sync-now")).toBeDisabled();
    await user.click(within(banner).getByRole("button", { name: "Open Connections" }));
    expect(onOpenConnections).toHaveBeenCalledTimes(1);
  });

  it("lists conflicts: the field, both values, which was kept and when", async () => {
    const conflict: SyncConflict = {
      id: 1,
      connection: "partnerstack",
      resource: "partners",
      remote_key: "part_00004",
      local_id: 5,
      field: "email",
      ours: "ana@acme.test",
      theirs: "ana.lima@acme.test",
      kept: "platform",
      at: "2026-12-04T10:30:00Z",
    };
    const { user } = setup({ sync_connections: () => [ps({ conflicts: 1 })], sync_conflicts: () => [conflict] });
    await user.click(await screen.findByTestId("sync-tab-conflicts"));
    expect(screen.getByTestId("sync-tab-conflicts")).toHaveTextContent("Conflicts (1)");
    const row = await screen.findByTestId("sync-conflict-row");
    const cells = within(row).getAllByRole("cell").map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(["Partners part_00004", "email", "ana@acme.test", "ana.lima@acme.test", "Platform's"]);
    expect(cells[0]).toMatch(/^Dec 4, 2026/);
    expect(callsTo("sync_conflicts")).toEqual([{ connection: "partnerstack" }]);
  });

  it("compares last month by default: how many agree, then each differing partner with amounts and reasons", async () => {
    const comparison = (period: string): Comparison => ({
      connection: "partnerstack",
      period,
      agreeing: 10,
      differing: [
        {
          partner_id: 5,
          partner: "Pat4 Example",
          platform: { minor: 4040, currency: "USD" },
          ours: { minor: 3060, currency: "USD" },
          difference: { minor: -980, currency: "USD" },
          reasons: ["transaction txn_00004_refund: -9.80 USD here; no reward on the platform"],
        },
      ],
    });
    const { user } = setup({ sync_connections: () => [ps()], sync_compare: ({ period }) => comparison(period as string) });
    await user.click(await screen.findByTestId("sync-tab-compare"));
    expect(screen.getByTestId("sync-compare-period")).toHaveValue("2026-11");
    expect(await screen.findByTestId("sync-compare-agree")).toHaveTextContent("10 partners agree");
    expect(callsTo("sync_compare")).toEqual([{ connection: "partnerstack", period: "2026-11" }]);
    const row = screen.getByTestId("sync-compare-row");
    const cells = within(row).getAllByRole("cell").map((c) => c.textContent);
    expect(cells[0]).toBe("Pat4 Exampletransaction txn_00004_refund: -9.80 USD here; no reward on the platform");
    expect(cells.slice(1)).toEqual(["$40.40", "$30.60", "\u2212$9.80"]);

    await user.selectOptions(screen.getByTestId("sync-compare-period"), "2026-10");
    await waitFor(() => expect(callsTo("sync_compare")).toEqual([
      { connection: "partnerstack", period: "2026-11" },
      { connection: "partnerstack", period: "2026-10" },
    ]));
    await user.click(screen.getByRole("button", { name: "Month after" }));
    await waitFor(() => expect(callsTo("sync_compare").at(-1)).toEqual({ connection: "partnerstack", period: "2026-11" }));
  });

  it("says when a month has nothing to compare", async () => {
    const { user } = setup({
      sync_connections: () => [ps()],
      sync_compare: ({ period }) => ({ connection: "partnerstack", period: period as string, agreeing: 0, differing: [] }),
    });
    await user.click(await screen.findByTestId("sync-tab-compare"));
    expect(await screen.findByText("Nothing to compare for November 2026")).toBeInTheDocument();
    expect(screen.queryByTestId("sync-compare-agree")).not.toBeInTheDocument();
  });

  it("picks among several connections, and syncs the one picked", async () => {
    const rw: ConnectionView = {
      ...ps(),
      connection: { id: 2, name: "rewardful", platform: "rewardful", base_url: "https://api.getrewardful.com/v1", created_at: "2026-12-01T09:00:00Z" },
    };
    const { user } = setup({ sync_connections: () => [ps(), rw], sync_run: async () => ({ ...synced, connection: "rewardful", platform: "rewardful" }) });
    await user.selectOptions(await screen.findByTestId("sync-connection"), "rewardful");
    expect(screen.getByTestId("sync-connection-line")).toHaveTextContent("Rewardful");
    expect(screen.getByTestId("sync-tab-compare")).toHaveTextContent("Rewardful vs ours");
    await user.click(screen.getByTestId("sync-now"));
    await screen.findByTestId("sync-outcome");
    expect(callsTo("sync_run")[0]).toMatchObject({ name: "rewardful" });
  });
});
