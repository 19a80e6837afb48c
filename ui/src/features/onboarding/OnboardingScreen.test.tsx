import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { OnboardingChange } from "../../bindings/OnboardingChange";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { Step } from "../../bindings/Step";
import type { TermsVersion } from "../../bindings/TermsVersion";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import { OnboardingScreen } from "./OnboardingScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const ORDER: Step[] = ["terms", "tax_form", "payout_details", "welcome_kit"];
const MISSING: Record<Step, string> = {
  terms: "terms 2026-03 not accepted",
  tax_form: "tax form missing",
  payout_details: "no payout method",
  welcome_kit: "welcome kit not sent",
};

/** A partner with the steps in `open` still to do. */
function partner(id: number, name: string, open: Step[], days: number | null): OnboardingRow {
  const steps = ORDER.map((step) => ({ step, done: !open.includes(step), detail: open.includes(step) ? MISSING[step] : `${step} ok` }));
  return {
    partner_id: id,
    name,
    email: `${name.split(" ")[0].toLowerCase()}@example.com`,
    approved_at: "2026-03-01T10:00:00Z",
    steps,
    complete: open.length === 0,
    stuck_on: steps.find((s) => !s.done)?.step ?? null,
    days_waiting: open.length === 0 ? null : days,
    reminded_at: null,
  };
}

const TERMS: TermsVersion[] = [
  { version: "2026-03", body: "New terms", published_at: "2026-03-01T00:00:00Z", accepted_by: 4 },
  { version: "2025-01", body: "Old terms", published_at: "2025-01-10T00:00:00Z", accepted_by: 9 },
];

function setup(extra: Parameters<typeof mockCommands>[0] = {}, onOpenEmail?: () => void) {
  vi.mocked(invoke).mockReset();
  let board = [
    partner(1, "Ana Lima", ["terms", "welcome_kit"], 3),
    partner(2, "Bruno Costa", ["terms"], 21),
    partner(3, "Carla Dias", ["tax_form", "payout_details"], 9),
    partner(4, "Dora Book", ["welcome_kit"], 0),
    partner(5, "Eli Ford", [], null),
  ];
  mockCommands({
    onboarding_list: ({ all }) => (all ? board : board.filter((r) => !r.complete)),
    terms_list: () => TERMS,
    onboarding_set: ({ partnerId, change }) => {
      const c = change as OnboardingChange;
      board = board.map((r) => {
        if (r.partner_id !== partnerId) return r;
        const open = r.steps
          .filter((s) => !s.done)
          .map((s) => s.step)
          .filter((s) => !(c.terms && s === "terms") && !(c.tax_form && s === "tax_form") && !(c.welcome_sent && s === "welcome_kit"));
        return partner(r.partner_id, r.name, open, r.days_waiting);
      });
      return board.find((r) => r.partner_id === partnerId);
    },
    ...extra,
  });
  render(
    <ToastProvider>
      <OnboardingScreen onOpenEmail={onOpenEmail} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

const column = (key: string) => screen.getByTestId(`onboarding-column-${key}`);
const names = (key: string) => within(column(key)).queryAllByTestId("onboarding-card").map((c) => c.querySelector(".ob-card-name")!.textContent);
const card = (id: number) => screen.getAllByTestId("onboarding-card").find((c) => c.getAttribute("data-id") === String(id))!;

describe("OnboardingScreen", () => {
  it("puts partners under the step they are stuck on, longest waiting first", async () => {
    setup();
    await waitFor(() => expect(names("terms")).toEqual(["Bruno Costa", "Ana Lima"]));
    expect(callsTo("onboarding_list")[0]).toEqual({ all: false });
    expect(screen.getByTestId("onboarding-count")).toHaveTextContent("4 partners still onboarding");
    expect(names("tax_form")).toEqual(["Carla Dias"]);
    expect(names("payout_details")).toEqual([]);
    expect(names("welcome_kit")).toEqual(["Dora Book"]);
    expect(within(column("payout_details")).getByText("Nobody is waiting here.")).toBeInTheDocument();
    expect(card(2)).toHaveTextContent("waiting 21 days");
    expect(card(2)).toHaveTextContent("bruno@example.com");
    expect(card(2)).toHaveTextContent("terms 2026-03 not accepted");
    expect(card(1)).toHaveTextContent("terms 2026-03 not accepted · 1 more to do");
    expect(card(4)).toHaveTextContent("approved today");
    expect(screen.queryByTestId("onboarding-column-done")).toBeNull();
  });

  it("shows everyone, the complete ones under Done", async () => {
    const user = setup();
    await waitFor(() => expect(names("terms")).toHaveLength(2));
    await user.click(screen.getByTestId("onboarding-show-all"));
    await waitFor(() => expect(names("done")).toEqual(["Eli Ford"]));
    expect(callsTo("onboarding_list").at(-1)).toEqual({ all: true });
  });

  it("shows the checklist and records accepted terms of the chosen version", async () => {
    const user = setup();
    await waitFor(() => expect(names("terms")).toHaveLength(2));
    await user.click(card(1));
    const panel = screen.getByTestId("onboarding-panel");
    const steps = within(panel).getAllByTestId("onboarding-step");
    expect(steps.map((s) => [s.getAttribute("data-step"), s.getAttribute("data-done")])).toEqual([
      ["terms", "false"],
      ["tax_form", "true"],
      ["payout_details", "true"],
      ["welcome_kit", "false"],
    ]);
    expect(steps[0]).toHaveTextContent("Termsterms 2026-03 not accepted");
    expect(within(steps[0]).getByLabelText("Missing")).toBeInTheDocument();
    expect(within(steps[1]).getByLabelText("Done")).toBeInTheDocument();

    const versionSelect = within(panel).getByTestId("onboarding-terms-version");
    await waitFor(() => expect(versionSelect).toHaveValue("2026-03"));
    expect(within(versionSelect).getAllByRole("option").map((o) => o.textContent)).toEqual(["2026-03 (current)", "2025-01"]);
    await user.click(within(panel).getByTestId("onboarding-terms-accept"));
    await waitFor(() =>
      expect(callsTo("onboarding_set")).toEqual([
        { partnerId: 1, change: { terms: "2026-03", tax_form: null, tax_form_expires: null, vat_id: null, welcome_sent: false } },
      ]),
    );
    expect(await screen.findByText("Terms 2026-03 accepted for Ana Lima.")).toBeInTheDocument();
    await waitFor(() => expect(names("welcome_kit")).toEqual(["Ana Lima", "Dora Book"]));
    expect(within(screen.getByTestId("onboarding-panel")).getAllByTestId("onboarding-step")[0]).toHaveAttribute("data-done", "true");
    expect(screen.queryByTestId("onboarding-terms-accept")).toBeNull();
  });

  it("records a W-8BEN only with its expiry day, and shows refusals inline", async () => {
    let refuse = true;
    const user = setup({
      onboarding_set: ({ partnerId }) => {
        if (refuse) {
          refuse = false;
          throw { code: "invalid_input", message: "the W-8BEN has already expired", field: "tax_form_expires" };
        }
        return partner(partnerId as number, "Carla Dias", ["payout_details"], 9);
      },
    });
    await waitFor(() => expect(names("tax_form")).toHaveLength(1));
    await user.click(card(3));
    await user.selectOptions(screen.getByTestId("onboarding-tax-kind"), "w8ben");
    await user.click(screen.getByTestId("onboarding-tax-save"));
    expect(screen.getByText("Enter the day the W-8BEN expires.")).toBeInTheDocument();
    expect(callsTo("onboarding_set")).toHaveLength(0);

    fireEvent.change(screen.getByTestId("onboarding-tax-expires"), { target: { value: "2020-01-31" } });
    await user.click(screen.getByTestId("onboarding-tax-save"));
    expect(await screen.findByText("The W-8BEN has already expired.")).toBeInTheDocument();
    expect(screen.getByTestId("onboarding-tax-expires")).toHaveAttribute("aria-invalid", "true");

    fireEvent.change(screen.getByTestId("onboarding-tax-expires"), { target: { value: "2029-12-31" } });
    await user.click(screen.getByTestId("onboarding-tax-save"));
    await waitFor(() => expect(callsTo("onboarding_set")).toHaveLength(2));
    expect(callsTo("onboarding_set")[1]).toEqual({
      partnerId: 3,
      change: { terms: null, tax_form: "w8ben", tax_form_expires: "2029-12-31", vat_id: null, welcome_sent: false },
    });
    expect(await screen.findByText("W-8BEN recorded for Carla Dias.")).toBeInTheDocument();
  });

  it("records a W-9 with its TIN, typed masked, and shows a refused TIN under it", async () => {
    let refuse = true;
    const user = setup({
      onboarding_set: ({ partnerId }) => {
        if (refuse) {
          refuse = false;
          throw { code: "invalid_input", message: "\"***-**-432\" is not a US TIN: an SSN is 123-45-6789, an EIN 12-3456789", field: "tin" };
        }
        return partner(partnerId as number, "Carla Dias", ["payout_details"], 9);
      },
    });
    await waitFor(() => expect(names("tax_form")).toHaveLength(1));
    await user.click(card(3));
    const tin = screen.getByTestId("onboarding-tax-tin");
    expect(tin).toHaveAttribute("type", "password");
    expect(tin).toHaveAttribute("autocomplete", "off");
    expect(screen.getByText("Optional. An SSN (###\u2011##\u2011####) or an EIN (##\u2011#######)")).toBeInTheDocument();
    await user.type(tin, "987-65-432");
    await user.click(screen.getByTestId("onboarding-tax-save"));
    expect(await screen.findByText(/is not a US TIN/, { selector: ".field-error" })).toBeInTheDocument();
    expect(tin).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("onboarding-panel")).not.toHaveTextContent("987-65");

    await user.click(screen.getByTestId("onboarding-tax-tin-show"));
    expect(tin).toHaveAttribute("type", "text");
    await user.type(tin, "1");
    await user.click(screen.getByTestId("onboarding-tax-save"));
    await waitFor(() => expect(callsTo("onboarding_set")).toHaveLength(2));
    expect(callsTo("onboarding_set")[1]).toEqual({
      partnerId: 3,
      change: { terms: null, tax_form: "w9", tax_form_expires: null, vat_id: null, tin: "987-65-4321", welcome_sent: false },
    });
  });

  it("sends no TIN when none is typed, nor with a VAT id", async () => {
    const user = setup();
    await waitFor(() => expect(names("tax_form")).toHaveLength(1));
    await user.click(card(3));
    await user.selectOptions(screen.getByTestId("onboarding-tax-kind"), "w8ben");
    expect(screen.getByText("Optional. Tax id in their country")).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("onboarding-tax-kind"), "vat");
    expect(screen.queryByTestId("onboarding-tax-tin")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("onboarding-tax-kind"), "w9");
    await user.click(screen.getByTestId("onboarding-tax-save"));
    await waitFor(() => expect(callsTo("onboarding_set")).toHaveLength(1));
    expect(callsTo("onboarding_set")[0].change).not.toHaveProperty("tin");
  });

  it("records a VAT id and a welcome kit sent", async () => {
    const user = setup();
    await waitFor(() => expect(names("tax_form")).toHaveLength(1));
    await user.click(card(3));
    await user.selectOptions(screen.getByTestId("onboarding-tax-kind"), "vat");
    await user.type(screen.getByTestId("onboarding-tax-vat"), "de 123456789");
    await user.click(screen.getByTestId("onboarding-tax-save"));
    await waitFor(() => expect(callsTo("onboarding_set")[0]).toMatchObject({ partnerId: 3, change: { tax_form: "vat", vat_id: "DE123456789" } }));

    await user.click(card(4));
    expect(screen.getByTestId("onboarding-panel")).toHaveAccessibleName("Onboarding of Dora Book");
    await user.click(screen.getByTestId("onboarding-welcome-sent"));
    await waitFor(() =>
      expect(callsTo("onboarding_set")[1]).toEqual({
        partnerId: 4,
        change: { terms: null, tax_form: null, tax_form_expires: null, vat_id: null, welcome_sent: true },
      }),
    );
    expect(await screen.findByTestId("onboarding-complete")).toHaveTextContent("Onboarding complete");
    await waitFor(() => expect(names("welcome_kit")).toEqual([]));
  });

  it("shows a refused welcome kit under its button", async () => {
    const user = setup({
      onboarding_set: () => {
        throw { code: "conflict", message: "partner #4 is not active: onboarding is for active partners", field: "partner" };
      },
    });
    await waitFor(() => expect(names("welcome_kit")).toHaveLength(1));
    await user.click(card(4));
    await user.click(screen.getByTestId("onboarding-welcome-sent"));
    expect(await screen.findByTestId("onboarding-welcome-error")).toHaveTextContent("Partner: partner #4 is not active");
  });

  it("offers to publish terms when none are published", async () => {
    const user = setup({ terms_list: () => [] });
    await waitFor(() => expect(names("terms")).toHaveLength(2));
    await user.click(card(2));
    const panel = screen.getByTestId("onboarding-panel");
    expect(await within(panel).findByText(/No terms are published yet/)).toBeInTheDocument();
    expect(within(panel).queryByTestId("onboarding-terms-accept")).toBeNull();
    await user.click(within(panel).getByTestId("onboarding-open-terms"));
    expect(await screen.findByTestId("terms-empty")).toHaveTextContent("No terms published yet.");
  });

  it("queues reminders for partners waiting the days chosen", async () => {
    const onOpenEmail = vi.fn();
    const user = setup({ onboarding_remind: () => 3 }, onOpenEmail);
    await waitFor(() => expect(names("terms")).toHaveLength(2));
    await user.click(screen.getByTestId("onboarding-remind"));
    const days = screen.getByTestId("onboarding-remind-days");
    expect(days).toHaveValue("7");
    await user.clear(days);
    await user.type(days, "two");
    await user.click(screen.getByTestId("onboarding-remind-confirm"));
    expect(screen.getByText("A whole number of days, like 7.")).toBeInTheDocument();
    await user.clear(days);
    await user.type(days, "14");
    await user.click(screen.getByTestId("onboarding-remind-confirm"));
    await waitFor(() => expect(callsTo("onboarding_remind")).toEqual([{ days: 14 }]));
    expect(await screen.findByTestId("onboarding-remind-result")).toHaveTextContent("3 reminders queued in the Outbox — send them from Email");
    await user.click(screen.getByTestId("onboarding-open-email"));
    expect(onOpenEmail).toHaveBeenCalledTimes(1);
  });

  it("lists the terms and publishes a new version with a warning", async () => {
    let refuse = true;
    const user = setup({
      terms_publish: ({ version, body }) => {
        if (refuse) {
          refuse = false;
          throw { code: "conflict", message: "terms 2026-03 were published already: name the new text anew", field: "version" };
        }
        return { version, body, published_at: "2026-04-01T00:00:00Z", accepted_by: 0 };
      },
    });
    await waitFor(() => expect(names("terms")).toHaveLength(2));
    await user.click(screen.getByTestId("onboarding-terms"));
    const dialog = screen.getByTestId("terms-dialog");
    const versions = await within(dialog).findAllByTestId("terms-version");
    expect(versions[0]).toHaveTextContent("2026-03");
    expect(versions[0]).toHaveTextContent("Mar 1, 2026");
    expect(versions[0]).toHaveTextContent("4 partners");
    expect(within(versions[0]).getByTestId("terms-current")).toBeInTheDocument();
    expect(versions[1]).toHaveTextContent("9 partners");

    await user.click(within(dialog).getByTestId("terms-publish"));
    expect(screen.getByTestId("terms-publish-warning")).toHaveTextContent(
      "Partners on older versions must accept the new terms again before their next payout",
    );
    await user.click(screen.getByTestId("terms-publish-confirm"));
    expect(screen.getByText("Name the version, like 2026-12.")).toBeInTheDocument();
    expect(callsTo("terms_publish")).toHaveLength(0);

    await user.type(screen.getByTestId("terms-publish-version"), "2026-03");
    await user.type(screen.getByTestId("terms-publish-body"), "Be fair.");
    await user.click(screen.getByTestId("terms-publish-confirm"));
    expect(await screen.findByText("Terms 2026-03 were published already: name the new text anew.")).toBeInTheDocument();

    await user.clear(screen.getByTestId("terms-publish-version"));
    await user.type(screen.getByTestId("terms-publish-version"), "2026-04");
    await user.click(screen.getByTestId("terms-publish-confirm"));
    await waitFor(() => expect(callsTo("terms_publish")).toHaveLength(2));
    expect(callsTo("terms_publish")[1]).toEqual({ version: "2026-04", body: "Be fair." });
    expect(await screen.findByText(/Terms 2026-04 published/)).toBeInTheDocument();
    expect(screen.queryByTestId("terms-dialog")).toBeNull();
    await waitFor(() => expect(callsTo("terms_list").length).toBeGreaterThanOrEqual(2));
  });
});
