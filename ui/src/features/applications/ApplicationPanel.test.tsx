import { invoke } from "@tauri-apps/api/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Application } from "../../bindings/Application";
import { application, checkResult } from "../../test/applicationFixtures";
import { callsTo, mockCommands } from "../../test/tauri";
import { ApplicationPanel } from "./ApplicationPanel";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const EVIL = "<img src=x onerror=alert(1)><script>alert(2)</script>";

function show(a: Application, extra: Parameters<typeof mockCommands>[0] = {}) {
  mockCommands({
    application_get: ({ id }) => ({
      application: a,
      submissions: [
        { received_at: "2026-02-01T08:00:00Z", source: "forms.csv line 4", input: { ...a, name: a.name, email: "old@example.com" } },
        { received_at: "2026-03-01T09:00:00Z", source: "typed by hand", input: { ...a } },
      ].map((s) => ({ ...s, id })),
    }),
    ...extra,
  });
  const handlers = { onClose: vi.fn(), onApprove: vi.fn(), onReject: vi.fn() };
  render(<ApplicationPanel application={a} {...handlers} />);
  return { ...handlers, user: userEvent.setup() };
}

beforeEach(() => {
  vi.mocked(invoke).mockReset();
});

describe("ApplicationPanel", () => {
  it("shows hostile applicant text as literal text, never as markup", async () => {
    const a = application(7, {
      name: `Eve ${EVIL}`,
      promotion: EVIL,
      website: "javascript:alert(3)",
      answers: { "Why do you want to join?": EVIL, [`Q ${EVIL}`]: "fine" },
      checks: [checkResult("spam_patterns", "red", "Spam or abuse in the answers", `script in the answers: ${EVIL}`)],
    });
    show(a);
    const detail = screen.getByTestId("application-detail");
    await within(detail).findAllByTestId("application-submission");

    const answers = within(detail).getAllByTestId("application-answer");
    expect(answers[0]).toHaveTextContent(EVIL, { normalizeWhitespace: false });
    expect(answers[0].textContent).toBe(EVIL);
    expect(within(detail).getByText(`Q ${EVIL}`)).toBeInTheDocument();
    expect(screen.getByTestId("application-promotion").textContent).toBe(EVIL);
    expect(screen.getByTestId("application-name").textContent).toBe(`Eve ${EVIL}`);
    expect(within(detail).getByText(`script in the answers: ${EVIL}`)).toBeInTheDocument();
    // No element was made from the text, and the website is no link.
    expect(detail.querySelector("img")).toBeNull();
    expect(detail.querySelector("script")).toBeNull();
    expect(document.querySelector("img, script")).toBeNull();
    expect(detail.querySelector("a")).toBeNull();
    expect(within(detail).getByText("javascript:alert(3)").tagName).toBe("DD");
  });

  it("shows every field, the checks by severity, the history and the actions", async () => {
    const a = application(3, {
      name: "Zoë Adams",
      social_profiles: ["https://instagram.com/zoe"],
      audience_size: 45000,
      answers: { "Where is your audience?": "Mostly France" },
      submissions: 2,
      checks: [
        checkResult("free_mail", "amber", "Free-mail address for a business program", "gmail.com is free mail"),
        checkResult("duplicate_email", "red", "Email of an existing partner", "partner #12 Zoë Adams uses zoe@example.com"),
        checkResult("blocked_country", "pass", "Blocked country", "FR is not blocked"),
      ],
    });
    const { user, onApprove, onReject, onClose } = show(a);
    expect(await screen.findAllByTestId("application-submission")).toHaveLength(2);
    expect(callsTo("application_get")).toEqual([{ id: 3 }]);

    const facts = screen.getByTestId("application-facts");
    expect(within(facts).getByText("45,000")).toBeInTheDocument();
    expect(within(facts).getByText("https://instagram.com/zoe")).toBeInTheDocument();
    expect(within(facts).getByText(/France \(FR\)/)).toBeInTheDocument();
    expect(within(facts).getByText("Payout account").nextSibling).toHaveTextContent("Not given");

    const red = screen.getByTestId("application-checks-red");
    expect(red).toHaveTextContent("Red flags 1");
    expect(red).toHaveTextContent("Email of an existing partner");
    expect(red).toHaveTextContent("partner #12 Zoë Adams uses zoe@example.com");
    expect(screen.getByTestId("application-checks-amber")).toHaveTextContent("gmail.com is free mail");
    expect(screen.getByTestId("application-checks-pass")).toHaveTextContent("FR is not blocked");
    const groups = screen.getAllByTestId(/application-checks-/).map((g) => g.getAttribute("data-testid"));
    expect(groups).toEqual(["application-checks-red", "application-checks-amber", "application-checks-pass"]);

    const history = screen.getAllByTestId("application-submission");
    expect(history[0]).toHaveTextContent("forms.csv line 4");
    expect(history[0]).toHaveTextContent("Feb 1, 2026");
    expect(history[1]).toHaveTextContent("typed by hand");
    expect(screen.getByRole("region", { name: "Submissions (2)" })).toBeInTheDocument();
    expect(screen.getByTestId("application-answer")).toHaveTextContent("Mostly France");

    await user.click(screen.getByTestId("application-approve"));
    await user.click(screen.getByTestId("application-reject"));
    await user.click(screen.getByTestId("application-close"));
    expect([onApprove.mock.calls.length, onReject.mock.calls.length, onClose.mock.calls.length]).toEqual([1, 1, 1]);
  });

  it("shows the decision of a decided application, without the actions", async () => {
    show(application(4, { status: "rejected", reason: "Incomplete application", decided_at: "2026-03-05T12:00:00Z" }));
    expect(await screen.findByTestId("application-decision")).toHaveTextContent("Rejected on Mar 5, 2026Incomplete application");
    expect(screen.getByTestId("application-status")).toHaveTextContent("Rejected");
    expect(screen.queryByTestId("application-approve")).toBeNull();
  });

  it("says so when an application was never screened", async () => {
    show(application(5, { checks: [], score: null }));
    expect(await screen.findByText(/Not screened yet/)).toBeInTheDocument();
    expect(screen.getByTestId("application-score")).toHaveTextContent("—");
  });
});
