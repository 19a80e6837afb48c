import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Announcement } from "../../bindings/Announcement";
import type { AnnouncementInput } from "../../bindings/AnnouncementInput";
import type { Audience } from "../../bindings/Audience";
import type { MailTemplate } from "../../bindings/MailTemplate";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { EmailScreen } from "./EmailScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

const PARTNER = ["{{partner.name}}", "{{partner.first_name}}", "{{program.name}}"];

const templates: MailTemplate[] = [
  { name: "statement", subject: "Your statement", text_body: "{{total}}", html_body: "", placeholders: [...PARTNER, "{{total}}"] },
  { name: "announcement", subject: "News from {{program.name}}", text_body: "Hello {{partner.first_name}},\n", html_body: "", placeholders: PARTNER },
];

const earlier: Announcement = {
  id: 1,
  subject: "Spring promotion",
  audience_label: "Group Gold",
  recipients: 12,
  sent: 3,
  created_at: "2026-03-02T09:00:00Z",
};

/** The core's counts: 42 active partners, 12 in Gold, none in Creators, 4 tagged vip. */
function reach({ audience }: Record<string, unknown>): [string, number] {
  const a = audience as Audience;
  if (a.kind === "all") return ["All active partners", 42];
  if (a.kind === "group") return a.id === 2 ? ["Group Gold", 12] : ["Group Creators", 0];
  return [`Tag ${a.name}`, a.name === "vip" ? 4 : 0];
}

function setup(extra: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  let past = [earlier];
  mockCommands({
    mail_outbox: () => [],
    mail_templates_list: () => templates,
    groups_list: () => [
      { id: 2, name: "Gold", description: "", partner_count: 12 },
      { id: 3, name: "Creators", description: "", partner_count: 2 },
    ],
    tags_list: () => [{ id: 1, name: "vip", partner_count: 4 }],
    mail_announcements: () => past,
    mail_audience: reach,
    mail_template_preview: (args) => {
      if (String(args.textBody).includes("{{total}}")) {
        throw { code: "invalid_input", message: "{{total}} is not a placeholder of the announcement template (it can use {{partner.name}})", field: "text_body" };
      }
      return { to: "ana@example.com", subject: String(args.subject).replace("{{program.name}}", "Acme"), text_body: String(args.textBody), html_body: String(args.htmlBody) };
    },
    mail_announce: ({ input }) => {
      const i = input as AnnouncementInput;
      const made: Announcement = { id: 2, subject: i.subject, audience_label: reach({ audience: i.audience })[0], recipients: reach({ audience: i.audience })[1], sent: 0, created_at: "2026-04-01T10:00:00Z" };
      past = [made, ...past];
      return made;
    },
    ...extra,
  });
  render(
    <ToastProvider>
      <EmailScreen />
    </ToastProvider>,
  );
  return userEvent.setup();
}

async function openAnnouncements(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("email-tab-announcements"));
  await waitFor(() => expect(screen.getByTestId("announce-reach")).toHaveTextContent(/Reaches/));
}

describe("Email → Announcements", () => {
  it("starts from the announcement template, to every active partner", async () => {
    const user = setup();
    await openAnnouncements(user);
    expect(screen.getByTestId("announce-subject")).toHaveValue("News from {{program.name}}");
    expect(screen.getByTestId("announce-text")).toHaveValue("Hello {{partner.first_name}},\n");
    expect(screen.getByTestId("announce-audience-all")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("announce-reach")).toHaveTextContent("Reaches 42 active partners");
    expect(callsTo("mail_audience")).toEqual([{ audience: { kind: "all" } }]);
    expect(screen.getByTestId("announce-queue")).toHaveTextContent("Queue for 42 partners");
    expect(screen.getByTestId("announce-queue")).toBeEnabled();
    // The announcement template's placeholders, and a preview made from it.
    expect(screen.getAllByTestId("template-placeholder").map((b) => b.textContent)).toEqual(PARTNER);
    await waitFor(() => expect(screen.getByTestId("template-preview-subject")).toHaveTextContent("News from Acme"));
    expect(callsTo("mail_template_preview")[0]).toMatchObject({ name: "announcement", subject: "News from {{program.name}}", partnerId: null });
  });

  it("counts a group or a tag as the audience changes", async () => {
    const user = setup();
    await openAnnouncements(user);
    await user.click(screen.getByTestId("announce-audience-group"));
    expect(screen.getByTestId("announce-reach")).toHaveTextContent("Choose a group.");
    expect(screen.getByTestId("announce-queue")).toBeDisabled();
    expect(within(screen.getByTestId("announce-group")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Choose a group…", "Gold", "Creators"]);

    await user.selectOptions(screen.getByTestId("announce-group"), "Gold");
    await waitFor(() => expect(screen.getByTestId("announce-reach")).toHaveTextContent("Reaches 12 active partners · Group Gold"));
    expect(callsTo("mail_audience").at(-1)).toEqual({ audience: { kind: "group", id: 2 } });
    expect(screen.getByTestId("announce-queue")).toHaveTextContent("Queue for 12 partners");

    await user.selectOptions(screen.getByTestId("announce-group"), "Creators");
    await waitFor(() => expect(screen.getByTestId("announce-reach")).toHaveTextContent("Reaches no active partners"));
    expect(screen.getByTestId("announce-queue")).toBeDisabled();

    await user.click(screen.getByTestId("announce-audience-tag"));
    expect(screen.getByTestId("announce-reach")).toHaveTextContent("Enter a tag.");
    const asked = callsTo("mail_audience").length;
    await user.type(screen.getByTestId("announce-tag"), "vip");
    await waitFor(() => expect(screen.getByTestId("announce-reach")).toHaveTextContent("Reaches 4 active partners · Tag vip"));
    // Asked once typing paused, not for "v" and "vi".
    expect(callsTo("mail_audience").slice(asked)).toEqual([{ audience: { kind: "tag", name: "vip" } }]);
    expect(screen.getByTestId("announce-queue")).toHaveTextContent("Queue for 4 partners");
  });

  it("queues the announcement as written, says it is in the Outbox, and lists it", async () => {
    const user = setup();
    await openAnnouncements(user);
    await user.click(screen.getByTestId("announce-audience-group"));
    await user.selectOptions(screen.getByTestId("announce-group"), "Gold");
    const subject = screen.getByTestId("announce-subject");
    await user.clear(subject);
    await user.type(subject, "Double commissions in May");
    await user.type(screen.getByTestId("announce-text"), "All May sales pay double.");
    await user.type(screen.getByTestId("announce-html"), "<p>All May sales pay double.</p>");
    await waitFor(() => expect(screen.getByTestId("announce-queue")).toHaveTextContent("Queue for 12 partners"));
    await user.click(screen.getByTestId("announce-queue"));

    await waitFor(() => expect(callsTo("mail_announce")).toHaveLength(1));
    expect(callsTo("mail_announce")[0]).toEqual({
      input: {
        subject: "Double commissions in May",
        text_body: "Hello {{partner.first_name}},\nAll May sales pay double.",
        html_body: "<p>All May sales pay double.</p>",
        audience: { kind: "group", id: 2 },
      },
    });
    expect(await screen.findByTestId("announce-queued")).toHaveTextContent(
      "\u201cDouble commissions in May\u201d is queued for 12 partners. It is in the Outbox: press Send now there to send it.",
    );
    // Listed first, and the form starts again from the template for the same audience.
    await waitFor(() => expect(screen.getAllByTestId("announce-row")).toHaveLength(2));
    expect(screen.getAllByTestId("announce-row")[0]).toHaveTextContent("Double commissions in MayGroup Gold0 of 12");
    expect(screen.getByTestId("announce-subject")).toHaveValue("News from {{program.name}}");
    expect(screen.getByTestId("announce-group")).toHaveValue("2");

    await user.click(screen.getByTestId("announce-open-outbox"));
    expect(screen.getByTestId("email-tab-outbox")).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText("The outbox is empty")).toBeInTheDocument();
  });

  it("shows a refusal under the field it names", async () => {
    const user = setup({
      mail_announce: () => {
        throw { code: "invalid_input", message: "group Gold has no active partners: nobody to write to", field: "audience" };
      },
    });
    await openAnnouncements(user);
    await user.type(screen.getByTestId("announce-text"), "You earned {{{{total}}");
    expect(await screen.findByTestId("announce-error")).toHaveTextContent("{{total}} is not a placeholder of the announcement template");
    expect(screen.getByTestId("announce-text")).toHaveAttribute("aria-invalid", "true");

    await user.clear(screen.getByTestId("announce-text"));
    await user.type(screen.getByTestId("announce-text"), "Hello");
    await waitFor(() => expect(screen.queryByTestId("announce-error")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("announce-queue"));
    expect(await screen.findByTestId("announce-audience-error")).toHaveTextContent("Group Gold has no active partners: nobody to write to.");
    expect(screen.queryByTestId("announce-queued")).not.toBeInTheDocument();
    expect(callsTo("mail_announcements")).toHaveLength(1);
  });

  it("lists past announcements with how many copies have gone", async () => {
    const user = setup({
      mail_announcements: () => [{ ...earlier, id: 5, subject: "Welcome pack", audience_label: "All active partners", recipients: 40, sent: 40 }, earlier],
    });
    await openAnnouncements(user);
    const rows = await screen.findAllByTestId("announce-row");
    expect(rows.map((r) => within(r).getAllByRole("cell").slice(0, 3).map((c) => c.textContent))).toEqual([
      ["Welcome pack", "All active partners", "40 of 40"],
      ["Spring promotion", "Group Gold", "3 of 12"],
    ]);
    expect(rows[1]).toHaveTextContent("2026");
  });

  it("says when there are none yet, and keeps the one being written while another tab is open", async () => {
    const user = setup({ mail_announcements: () => [] });
    await openAnnouncements(user);
    expect(await screen.findByTestId("announce-none")).toHaveTextContent("No announcements yet.");
    await user.type(screen.getByTestId("announce-text"), "Draft");
    await user.click(screen.getByTestId("email-tab-outbox"));
    await user.click(screen.getByTestId("email-tab-announcements"));
    expect(await screen.findByTestId("announce-text")).toHaveValue("Hello {{partner.first_name}},\nDraft");
  });
});
