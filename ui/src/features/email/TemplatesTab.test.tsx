import { invoke } from "@tauri-apps/api/core";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { MailTemplate } from "../../bindings/MailTemplate";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { TemplatesTab } from "./TemplatesTab";
import { PREVIEW_DELAY_MS } from "./useTemplatePreview";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

const PARTNER = ["{{partner.name}}", "{{partner.first_name}}", "{{program.name}}"];

const templates: MailTemplate[] = [
  {
    name: "statement",
    subject: "Your {{program.name}} statement for {{period}}",
    text_body: "Hello {{partner.first_name}},\n{{total}} is on its way.",
    html_body: "<p>Hello {{partner.first_name}}</p>",
    placeholders: [...PARTNER, "{{period}}", "{{total}}"],
  },
  { name: "announcement", subject: "News from {{program.name}}", text_body: "Hello {{partner.first_name}},\n", html_body: "", placeholders: PARTNER },
];

type Args = { name: string; subject: string; textBody: string; htmlBody: string };

/** The core's check: {{total}} is only known to statements. */
function refuseTotal(a: Args) {
  if (a.name === "announcement" && a.textBody.includes("{{total}}")) {
    throw {
      code: "invalid_input",
      message: "{{total}} is not a placeholder of the announcement template (it can use {{partner.name}}, {{program.name}})",
      field: "text_body",
    };
  }
}

function setup(extra: Parameters<typeof mockCommands>[0] = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    mail_templates_list: () => templates,
    mail_template_preview: (args) => {
      const a = args as unknown as Args;
      refuseTotal(a);
      return { to: "ana@example.com", subject: a.subject.replace("{{program.name}}", "Acme"), text_body: a.textBody, html_body: a.htmlBody };
    },
    mail_template_save: (args) => {
      const a = args as unknown as Args;
      refuseTotal(a);
      const t = templates.find((x) => x.name === a.name)!;
      return { ...t, subject: a.subject, text_body: a.textBody, html_body: a.htmlBody };
    },
    ...extra,
  });
  render(
    <ToastProvider>
      <TemplatesTab />
    </ToastProvider>,
  );
  return userEvent.setup();
}

describe("Email → Templates", () => {
  it("edits a template and saves its three parts", async () => {
    const user = setup();
    expect((await screen.findAllByTestId("template-item")).map((b) => b.textContent)).toEqual([
      expect.stringContaining("Statement"),
      expect.stringContaining("Announcement"),
    ]);
    const subject = screen.getByTestId("template-subject");
    expect(subject).toHaveValue("Your {{program.name}} statement for {{period}}");
    expect(screen.getByTestId("template-save")).toBeDisabled();
    await user.clear(subject);
    await user.type(subject, "Statement for {{{{period}}");
    await user.click(screen.getByTestId("template-save"));

    await waitFor(() => expect(callsTo("mail_template_save")).toHaveLength(1));
    expect(callsTo("mail_template_save")[0]).toEqual({
      name: "statement",
      subject: "Statement for {{period}}",
      textBody: "Hello {{partner.first_name}},\n{{total}} is on its way.",
      htmlBody: "<p>Hello {{partner.first_name}}</p>",
    });
    expect(await screen.findByTestId("toast")).toHaveTextContent("Statement template saved.");
    expect(screen.getByTestId("template-save")).toBeDisabled();
  });

  it("puts a placeholder where the cursor is in the field last used", async () => {
    const user = setup();
    await user.click((await screen.findAllByTestId("template-item"))[1]);
    const body = screen.getByTestId("template-text") as HTMLTextAreaElement;
    expect(body).toHaveValue("Hello {{partner.first_name}},\n");
    await user.click(body);
    body.setSelectionRange(6, 6);
    await user.click(screen.getByRole("button", { name: "{{partner.name}}" }));
    expect(body).toHaveValue("Hello {{partner.name}}{{partner.first_name}},\n");
  });

  it("reports an unknown placeholder under its field before saving, and again on save", async () => {
    const user = setup();
    await user.click((await screen.findAllByTestId("template-item"))[1]);
    const body = screen.getByTestId("template-text");
    await user.type(body, "You earned {{{{total}}");
    const error = await screen.findByTestId("template-error");
    expect(error).toHaveTextContent("{{total}} is not a placeholder of the announcement template");
    expect(body).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("template-preview")).toHaveTextContent("The preview waits for the field marked in red.");

    await user.click(screen.getByTestId("template-save"));
    await waitFor(() => expect(callsTo("mail_template_save")).toHaveLength(1));
    expect(screen.getByTestId("template-error")).toHaveTextContent(/^\{\{total\}\} is not a placeholder/);
    expect(screen.queryByTestId("toast")).not.toBeInTheDocument();
  });

  it("keeps unsaved edits when switching templates", async () => {
    const user = setup();
    const items = await screen.findAllByTestId("template-item");
    await user.type(screen.getByTestId("template-subject"), "!");
    expect(items[0]).toHaveTextContent("Unsaved");
    await user.click(items[1]);
    await user.click(items[0]);
    expect(screen.getByTestId("template-subject")).toHaveValue("Your {{program.name}} statement for {{period}}!");
  });
});

describe("Email → Templates preview", () => {
  it("waits for typing to pause, then shows the message as text", async () => {
    const user = setup({
      mail_template_preview: (args) => ({
        to: "ana@example.com",
        subject: `Preview of ${String(args.subject)}`,
        text_body: "<b>Hello Ana</b>",
        html_body: '<p onclick="alert(1)">Hello <b>Ana</b></p><script>alert(2)</script>',
      }),
    });
    const preview = await screen.findByTestId("template-preview");
    await waitFor(() => expect(screen.getByTestId("template-preview-to")).toHaveTextContent("ana@example.com"));
    expect(callsTo("mail_template_preview")).toHaveLength(1);
    expect(callsTo("mail_template_preview")[0]).toMatchObject({ name: "statement", partnerId: null });

    await user.type(screen.getByTestId("template-subject"), " now");
    // Four keys, one question once typing stops.
    expect(callsTo("mail_template_preview")).toHaveLength(1);
    await act(() => new Promise((r) => setTimeout(r, PREVIEW_DELAY_MS + 100)));
    await waitFor(() => expect(screen.getByTestId("template-preview-subject")).toHaveTextContent(/ now$/));
    expect(callsTo("mail_template_preview")).toHaveLength(2);

    // Text stays text, and the HTML only lives in a sandboxed frame.
    expect(screen.getByTestId("template-preview-text").textContent).toBe("<b>Hello Ana</b>");
    expect(preview.querySelector("b, p[onclick], script")).toBeNull();
    const frame = screen.getByTestId("template-preview-html");
    expect(frame.tagName).toBe("IFRAME");
    expect(frame).toHaveAttribute("sandbox", "");
    expect(frame.getAttribute("srcdoc")).toContain("<script>");
  });
});
