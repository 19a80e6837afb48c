import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Application } from "../../bindings/Application";
import type { ApplicationQuery } from "../../bindings/ApplicationQuery";
import type { JobProgress } from "../../bindings/JobProgress";
import { ToastProvider } from "../../components/Toast";
import { application, checkResult } from "../../test/applicationFixtures";
import { callsTo, deferred, mockCommands } from "../../test/tauri";
import { type ApplicationsIntent, ApplicationsScreen } from "./ApplicationsScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const REASONS = ["Audience does not fit the program", "Website or profiles could not be verified", "Incomplete application"];

function book(): Application[] {
  return [
    application(1, { name: "Ana Lima", score: 92, country: "BR" }),
    application(2, {
      name: "Bruno Costa",
      score: 55,
      red_flags: 1,
      checks: [
        checkResult("duplicate_email", "red", "Email of an existing partner", "partner #12 uses bruno@example.com"),
        checkResult("free_mail", "amber", "Free-mail address for a business program", "gmail.com"),
        checkResult("spam_patterns", "amber", "Spam or abuse in the answers", "3 links"),
      ],
    }),
    application(3, { name: "Carla Dias", score: 30 }),
    application(4, { name: "Dora Book", score: 70, status: "approved", decided_at: "2026-03-03T10:00:00Z", partner_id: 40 }),
  ];
}

function setup(extra: Parameters<typeof mockCommands>[0] = {}, onOpenEmail?: () => void, initial?: ApplicationsIntent) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockReset();
  let apps = book();
  const decide = (ids: number[], status: Application["status"], reason: string) => {
    apps = apps.map((a) => (ids.includes(a.id) ? { ...a, status, reason, decided_at: "2026-03-10T10:00:00Z", updated_at: "2026-03-10T10:00:00Z" } : a));
    return { decided: ids.length, emails_queued: ids.length };
  };
  mockCommands({
    applications_list: ({ query }) => {
      const q = query as ApplicationQuery;
      const rows = apps
        .filter((a) => q.status === null || a.status === q.status)
        .filter((a) => q.min_score === null || (a.score ?? -1) >= q.min_score)
        .filter((a) => q.max_score === null || (a.score ?? -1) <= q.max_score)
        .filter((a) => q.flagged_by === null || a.checks.some((c) => c.check === q.flagged_by && c.severity !== "pass"))
        .sort((a, b) => (q.sort === "score_asc" ? (a.score ?? 0) - (b.score ?? 0) : (b.score ?? 0) - (a.score ?? 0)));
      return { total: rows.length, rows: rows.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 200)) };
    },
    application_get: ({ id }) => ({
      application: apps.find((a) => a.id === id),
      submissions: [{ received_at: "2026-03-01T09:00:00Z", source: "forms.csv line 2", input: apps.find((a) => a.id === id) }],
    }),
    groups_list: () => [
      { id: 5, name: "Bloggers", description: "", partner_count: 3 },
      { id: 6, name: "Gold tier", description: "", partner_count: 1 },
    ],
    rejection_reasons: () => REASONS,
    applications_approve: ({ ids, reason }) => decide(ids as number[], "approved", reason as string),
    applications_reject: ({ ids, reason }) => decide(ids as number[], "rejected", reason as string),
    job_cancel: () => null,
    ...extra,
  });
  render(
    <ToastProvider>
      <ApplicationsScreen onOpenEmail={onOpenEmail} initial={initial} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const rows = () => screen.getAllByTestId("application-row");
const row = (id: number) => rows().find((r) => r.getAttribute("data-id") === String(id))!;
const lastQuery = () => callsTo("applications_list").filter((c) => (c.query as ApplicationQuery).limit !== 1).at(-1)?.query;

async function ready() {
  await waitFor(() => expect(rows()).toHaveLength(3));
}

describe("ApplicationsScreen", () => {
  it("lists pending applications best first, with counts, scores and flags", async () => {
    setup();
    await ready();
    expect(lastQuery()).toEqual({ status: "pending", min_score: null, max_score: null, flagged_by: null, sort: "score", limit: 100, offset: 0 });
    await waitFor(() => expect(screen.getByTestId("applications-counts")).toHaveTextContent("3 to review · 1 approved · 0 rejected"));
    expect(rows().map((r) => r.getAttribute("data-id"))).toEqual(["1", "2", "3"]);
    expect(within(row(1)).getByTestId("application-score")).toHaveAttribute("data-tone", "green");
    expect(within(row(2)).getByTestId("application-score")).toHaveAttribute("data-tone", "amber");
    expect(within(row(3)).getByTestId("application-score")).toHaveAttribute("data-tone", "red");
    expect(within(row(2)).getByTestId("application-red")).toHaveTextContent("1 red");
    expect(within(row(2)).getByTestId("application-amber")).toHaveTextContent("2 amber");
    expect(within(row(1)).queryByTestId("application-red")).toBeNull();
    expect(within(row(1)).getByText("BR")).toBeInTheDocument();
    expect(screen.getByTestId("applications-keys")).toHaveTextContent("j/k move · a approve · r reject · x tick · Esc close");
  });

  it("moves with j/k, opens the detail, and closes on Esc", async () => {
    const user = setup();
    await ready();
    await user.keyboard("j");
    expect(row(1)).toHaveAttribute("aria-selected", "true");
    expect(within(screen.getByTestId("application-detail")).getByTestId("application-name")).toHaveTextContent("Ana Lima");
    await user.keyboard("jj");
    expect(row(3)).toHaveAttribute("aria-selected", "true");
    await user.keyboard("k");
    expect(row(2)).toHaveAttribute("aria-selected", "true");
    const detail = screen.getByTestId("application-detail");
    expect(within(detail).getByText("partner #12 uses bruno@example.com")).toBeInTheDocument();
    expect(await within(detail).findByText("forms.csv line 2")).toBeInTheDocument();
    expect(callsTo("application_get").map((c) => c.id)).toContain(2);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("application-detail")).toBeNull();
  });

  it("approves the selected with a, Enter confirming the group, then moves on and points to Email", async () => {
    const onOpenEmail = vi.fn();
    const user = setup({}, onOpenEmail);
    await ready();
    await user.keyboard("j");
    await user.keyboard("a");
    const dialog = await screen.findByTestId("application-approve-dialog");
    expect(within(dialog).getByRole("heading")).toHaveTextContent("Approve Ana Lima?");
    const group = within(dialog).getByTestId("application-approve-group");
    await waitFor(() => expect(group).toHaveFocus());
    await waitFor(() => expect(within(group).getAllByRole("option")).toHaveLength(3));
    await user.selectOptions(group, "6");
    group.focus();
    await user.keyboard("{Enter}");

    await waitFor(() => expect(callsTo("applications_approve")).toEqual([{ ids: [1], groupId: 6, reason: "" }]));
    expect(await screen.findByTestId("applications-decision")).toHaveTextContent("1 approved; 1 welcome email queued — send them from Email");
    expect(screen.queryByTestId("application-approve-dialog")).toBeNull();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(row(2)).toHaveAttribute("aria-selected", "true");
    await waitFor(() => expect(screen.getByTestId("applications-counts")).toHaveTextContent("2 to review · 2 approved"));

    // The next approval starts from the group chosen last.
    await user.keyboard("a");
    expect(await screen.findByTestId("application-approve-group")).toHaveValue("6");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(callsTo("applications_approve")).toHaveLength(1);

    await user.click(screen.getByTestId("applications-open-email"));
    expect(onOpenEmail).toHaveBeenCalledTimes(1);
  });

  it("rejects with r: a reason is required, picked by number or written", async () => {
    const user = setup();
    await ready();
    await user.click(row(3));
    await user.keyboard("r");
    const dialog = await screen.findByTestId("application-reject-dialog");
    await waitFor(() => expect(within(dialog).getAllByTestId("application-reject-reason")).toHaveLength(3));
    await user.click(screen.getByTestId("application-reject-confirm"));
    expect(screen.getByTestId("application-reject-reason-error")).toHaveTextContent("Choose a reason, or write your own.");
    expect(callsTo("applications_reject")).toHaveLength(0);

    within(dialog).getAllByTestId("application-reject-reason")[0].focus();
    await user.keyboard("2");
    expect(within(dialog).getAllByTestId("application-reject-reason")[1]).toBeChecked();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(callsTo("applications_reject")).toEqual([{ ids: [3], reason: "Website or profiles could not be verified" }]));
    expect(await screen.findByTestId("applications-decision")).toHaveTextContent("1 rejected; 1 rejection email queued");
  });

  it("rejects with a reason of one's own", async () => {
    const user = setup();
    await ready();
    await user.click(row(2));
    await user.click(within(screen.getByTestId("application-detail")).getByTestId("application-reject"));
    await user.click(await screen.findByTestId("application-reject-other"));
    await user.click(screen.getByTestId("application-reject-confirm"));
    expect(screen.getByTestId("application-reject-reason-error")).toHaveTextContent("Write the reason");
    await user.type(screen.getByTestId("application-reject-other-text"), "We only work with food blogs");
    await user.click(screen.getByTestId("application-reject-confirm"));
    await waitFor(() => expect(callsTo("applications_reject")).toEqual([{ ids: [2], reason: "We only work with food blogs" }]));
  });

  it("ignores the shortcuts while typing in a filter, and for decided applications", async () => {
    const user = setup();
    await ready();
    await user.keyboard("j");
    await user.type(screen.getByTestId("applications-min-score"), "ar");
    expect(screen.queryByRole("dialog")).toBeNull();
    await user.clear(screen.getByTestId("applications-min-score"));

    await user.click(screen.getByTestId("applications-status-approved"));
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.click(row(4));
    await user.keyboard("a");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByText("Dora Book is already approved.")).toBeInTheDocument();
    expect(within(row(4)).getByTestId("application-check")).toBeDisabled();
  });

  it("approves and rejects ticked applications in bulk", async () => {
    const user = setup();
    await ready();
    expect(screen.queryByTestId("applications-bulk")).toBeNull();
    await user.click(within(row(1)).getByTestId("application-check"));
    await user.keyboard("jjx"); // x ticks the selected row (row 2)
    expect(row(2)).toHaveAttribute("aria-selected", "true");
    const bulk = screen.getByTestId("applications-bulk");
    expect(bulk).toHaveTextContent("2 applications ticked");
    expect(screen.getByTestId("applications-rescreen")).toHaveTextContent("Screen 2 again");

    await user.click(within(bulk).getByTestId("applications-bulk-approve"));
    const dialog = await screen.findByTestId("application-approve-dialog");
    expect(within(dialog).getByRole("heading")).toHaveTextContent("Approve 2 applications?");
    await user.type(within(dialog).getByTestId("application-approve-reason"), "Spring campaign");
    await user.click(within(dialog).getByTestId("application-approve-confirm"));
    await waitFor(() => expect(callsTo("applications_approve")).toEqual([{ ids: [1, 2], groupId: null, reason: "Spring campaign" }]));
    expect(await screen.findByTestId("applications-decision")).toHaveTextContent("2 approved; 2 welcome emails queued");
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByTestId("applications-bulk")).toBeNull();

    await user.click(screen.getByTestId("applications-check-all"));
    await user.click(screen.getByTestId("applications-bulk-reject"));
    await user.click((await screen.findAllByTestId("application-reject-reason"))[2]);
    await user.click(screen.getByTestId("application-reject-confirm"));
    await waitFor(() => expect(callsTo("applications_reject")).toEqual([{ ids: [3], reason: "Incomplete application" }]));
  });

  it("decides the ticked applications from the keyboard when none is selected", async () => {
    const user = setup();
    await ready();
    await user.click(within(row(3)).getByTestId("application-check"));
    await user.click(within(row(1)).getByTestId("application-check"));
    expect(screen.queryByTestId("application-detail")).toBeNull();
    await user.keyboard("r");
    expect(within(await screen.findByTestId("application-reject-dialog")).getByRole("heading")).toHaveTextContent("Reject 2 applications?");
  });

  it("shows a refused decision in the dialog", async () => {
    const user = setup({
      applications_approve: () => {
        throw { code: "conflict", message: "application #1 (Ana Lima) is already approved", field: "application" };
      },
    });
    await ready();
    await user.click(row(1));
    await user.click(screen.getByTestId("application-approve"));
    await user.click(await screen.findByTestId("application-approve-confirm"));
    expect(await screen.findByTestId("application-approve-error")).toHaveTextContent("Application: application #1 (Ana Lima) is already approved.");
    expect(screen.getByTestId("application-approve-dialog")).toBeInTheDocument();
  });

  it("filters by status, score range, check and sort", async () => {
    const user = setup();
    await ready();
    fireEvent.change(screen.getByTestId("applications-min-score"), { target: { value: "50" } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(screen.getByTestId("applications-max-score"), { target: { value: "60" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(lastQuery()).toMatchObject({ min_score: 50, max_score: 60 });

    fireEvent.change(screen.getByTestId("applications-max-score"), { target: { value: "600" } });
    expect(screen.getByTestId("applications-max-score")).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(lastQuery()).toMatchObject({ min_score: 50, max_score: null }));

    await user.click(screen.getByTestId("applications-filters-clear"));
    await user.selectOptions(screen.getByTestId("applications-flagged-by"), "free_mail");
    expect(within(screen.getByTestId("applications-flagged-by")).getByRole("option", { name: "Email of an existing partner" })).toHaveValue(
      "duplicate_email",
    );
    await waitFor(() => expect(rows().map((r) => r.getAttribute("data-id"))).toEqual(["2"]));
    expect(lastQuery()).toMatchObject({ flagged_by: "free_mail", min_score: null });

    await user.selectOptions(screen.getByTestId("applications-flagged-by"), "");
    await user.selectOptions(screen.getByTestId("applications-sort"), "score_asc");
    await waitFor(() => expect(rows().map((r) => r.getAttribute("data-id"))).toEqual(["3", "2", "1"]));
    await user.click(screen.getByTestId("applications-status-all"));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(lastQuery()).toMatchObject({ status: null, sort: "score_asc" });
  });

  it("imports a form export with progress, then says what it did", async () => {
    const running = deferred<unknown>();
    const user = setup({
      applications_import: (args) => {
        (args.onProgress as { onmessage: (p: JobProgress) => void }).onmessage({ step: "screening", done: 3, total: 12 });
        return running.promise;
      },
    });
    vi.mocked(open).mockResolvedValue("/home/ana/forms.csv");
    await ready();
    await user.click(screen.getByTestId("applications-import"));
    expect(await screen.findByTestId("applications-job")).toHaveTextContent("Importing applications: screening");
    expect(screen.getByTestId("applications-job")).toHaveTextContent("3 of 12");
    expect(screen.getByTestId("applications-import")).toBeDisabled();
    expect(callsTo("applications_import")[0].path).toBe("/home/ana/forms.csv");
    expect(vi.mocked(open).mock.calls[0][0]).toMatchObject({ filters: expect.arrayContaining([{ name: "Form export (CSV or JSON)", extensions: ["csv", "json"] }]) });
    running.resolve({ rows: 12, created: 8, merged: 3, auto_approved: 1, ids: [5, 6] });
    expect(await screen.findByTestId("applications-import-result")).toHaveTextContent(
      "12 rows read: 8 new, 3 merged into earlier applications, 1 auto-approved. — send them from Email",
    );
    expect(screen.queryByTestId("applications-job")).toBeNull();
  });

  it("shows the bad row when an import is refused, and can cancel one", async () => {
    let attempt = 0;
    const running = deferred<unknown>();
    const user = setup({
      applications_import: () => {
        attempt += 1;
        if (attempt === 1) throw { code: "bad_row", message: 'forms.csv, line 3, column "Email": not an email address', field: null };
        return running.promise;
      },
    });
    vi.mocked(open).mockResolvedValue("/home/ana/forms.csv");
    await ready();
    await user.click(screen.getByTestId("applications-import"));
    expect(await screen.findByTestId("applications-import-error")).toHaveTextContent(
      'Nothing was imported. forms.csv, line 3, column "Email": not an email address.',
    );

    await user.click(screen.getByTestId("applications-import"));
    await user.click(await screen.findByTestId("applications-job-cancel"));
    expect(callsTo("job_cancel")).toHaveLength(1);
    running.reject({ code: "cancelled", message: "cancelled", field: null });
    expect(await screen.findByTestId("applications-import-error")).toHaveTextContent("Import cancelled; nothing was added.");
  });

  it("does nothing when no file is chosen", async () => {
    const user = setup({ applications_import: () => ({ rows: 0, created: 0, merged: 0, auto_approved: 0, ids: [] }) });
    vi.mocked(open).mockResolvedValue(null);
    await ready();
    await user.click(screen.getByTestId("applications-import"));
    await waitFor(() => expect(open).toHaveBeenCalled());
    expect(callsTo("applications_import")).toHaveLength(0);
  });

  it("screens every pending application again, or the ticked ones", async () => {
    const user = setup({ applications_screen: () => ({ screened: 3, flagged: 1 }) });
    await ready();
    await user.click(screen.getByTestId("applications-rescreen"));
    expect(await screen.findByTestId("applications-screen-result")).toHaveTextContent("Screened 3 applications; 1 with a red flag.");
    expect(callsTo("applications_screen")[0].ids).toEqual([]);
    await user.click(within(row(3)).getByTestId("application-check"));
    await user.click(screen.getByTestId("applications-rescreen"));
    await waitFor(() => expect(callsTo("applications_screen")).toHaveLength(2));
    expect(callsTo("applications_screen")[1].ids).toEqual([3]);
  });

  it("adds an application by hand, showing the backend's field errors", async () => {
    let tries = 0;
    const user = setup({
      application_add: () => {
        tries += 1;
        if (tries === 1) throw { code: "invalid_input", message: "not a valid email address", field: "email" };
        return { rows: 1, created: 1, merged: 0, auto_approved: 0, ids: [9] };
      },
    });
    await ready();
    await user.click(screen.getByTestId("applications-add"));
    await user.click(screen.getByTestId("application-add-save"));
    expect(screen.getByText("Enter the applicant's name.")).toBeInTheDocument();
    expect(callsTo("application_add")).toHaveLength(0);

    await user.type(screen.getByTestId("application-add-name"), "Eli Ford");
    await user.type(screen.getByTestId("application-add-email"), "eli@");
    await user.type(screen.getByTestId("application-add-website"), "eli.blog");
    await user.type(screen.getByTestId("application-add-country"), "US");
    await user.type(screen.getByTestId("application-add-audience"), "3,500");
    await user.type(screen.getByTestId("application-add-promotion"), "YouTube reviews");
    await user.click(screen.getByTestId("application-add-save"));
    expect(await screen.findByText("Not a valid email address.")).toBeInTheDocument();
    expect(screen.getByTestId("application-add-email")).toHaveAttribute("aria-invalid", "true");
    expect(callsTo("application_add")[0].input).toMatchObject({
      name: "Eli Ford",
      email: "eli@",
      website: "eli.blog",
      country: "US",
      audience_size: 3500,
      promotion: "YouTube reviews",
    });

    await user.click(screen.getByTestId("application-add-save"));
    expect(await screen.findByTestId("applications-add-result")).toHaveTextContent("Application added and screened.");
    expect(screen.queryByTestId("application-add-dialog")).toBeNull();
  });

  it("shows the empty queue with a way to import", async () => {
    setup({ applications_list: () => ({ total: 0, rows: [] }) });
    expect(await screen.findByText("Nothing to review")).toBeInTheDocument();
    expect(within(screen.getByTestId("applications-empty")).getByRole("button", { name: /Import form export/ })).toBeInTheDocument();
  });
});

describe("ApplicationsScreen opened for a status", () => {
  it("starts on every application when asked for all", async () => {
    setup({}, undefined, { status: "all" });
    await waitFor(() => expect(callsTo("applications_list").length).toBeGreaterThan(0));
    expect(callsTo("applications_list")[0].query).toMatchObject({ status: null });
  });
});
