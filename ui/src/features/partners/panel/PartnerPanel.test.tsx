import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Activity } from "../../../bindings/Activity";
import type { Group } from "../../../bindings/Group";
import type { Partner } from "../../../bindings/Partner";
import type { PartnerInput } from "../../../bindings/PartnerInput";
import { callsTo, mockCommands } from "../../../test/tauri";
import { partnerToInput } from "./partnerForm";
import { PartnerPanel } from "./PartnerPanel";
import type { PanelTarget } from "./usePartnerEditor";

vi.mock("@tauri-apps/api/core", async () => (await import("../../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../../test/tauriModules")).dialogModule());

const groups: Group[] = [{ id: 2, name: "Gold", description: "", partner_count: 4 }];

const partner: Partner = {
  id: 5,
  name: "Ana Lima",
  first_name: "Ana",
  email: "ana@example.com",
  company: "Lima Media",
  address: "Rua Augusta 12\n01305-000 São Paulo",
  website: "https://lima.example",
  social_profiles: ["@ana"],
  country: "BR",
  language: "pt-BR",
  status: "active",
  group_id: 2,
  group_name: "Gold",
  tags: ["vip"],
  custom_fields: { niche: "travel" },
  parent_id: null,
  parent_name: null,
  codes: [{ kind: "referral", code: "ANA10" }],
  payout: { method: "paypal", email: "pay@lima.example", iban: "", bic: "", other: "" },
  payout_currency: "USD",
  tax: { status: "none", form_expires: "", vat_id: "", tin: "" },
  terms_version: "2026-01",
  terms_accepted_at: "2026-02-01T09:00:00Z",
  created_at: "2026-01-10T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
  plan_id: null,
  plan_name: "Standard",
  payout_hold: null,
};

const timeline: Activity[] = [
  { id: 2, partner_id: 5, at: "2026-03-01T09:00:00Z", kind: "status", actor: "user", summary: "Status: applicant → active", body: "Approved" },
  { id: 1, partner_id: 5, at: "2026-01-10T09:00:00Z", kind: "created", actor: "import", summary: "Created", body: "" },
];

type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;

function setup(target: PanelTarget, overrides: Handlers = {}) {
  vi.mocked(invoke).mockReset();
  mockCommands({
    partner_get: () => partner,
    partner_update: ({ id, input }) => ({ ...partner, ...(input as object), id }),
    partner_create: ({ input }) => ({ ...partner, ...(input as object), id: 99 }),
    partner_timeline: () => timeline,
    partner_add_note: ({ text }) => ({ id: 3, partner_id: 5, at: new Date().toISOString(), kind: "note", actor: "user", summary: "Note", body: text }),
    partner_set_status: ({ status }) => ({ ...partner, status }),
    partners_search: () => ({ total: 1, offset: 0, rows: [{ id: 8, name: "Bruno Parent", email: "bruno@example.com", company: "", country: "", status: "active", group_name: null, tags: [], created_at: "" }] }),
    ...overrides,
  });
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(
    <PartnerPanel
      target={target}
      groups={groups}
      tagSuggestions={["vip", "newsletter"]}
      onGroupsChanged={vi.fn()}
      baseCurrency="USD"
      onSaved={onSaved}
      onClose={onClose}
      onDirtyChange={vi.fn()}
    />,
  );
  return { onSaved, onClose, user: userEvent.setup() };
}

describe("PartnerPanel, existing partner", () => {
  beforeEach(() => vi.useRealTimers());

  it("shows every field of the partner", async () => {
    setup({ mode: "edit", id: 5 });
    await waitFor(() => expect(screen.getByTestId("field-name")).toHaveValue("Ana Lima"));
    expect(callsTo("partner_get")).toEqual([{ id: 5 }]);
    expect(screen.getByTestId("field-first-name")).toHaveValue("Ana");
    expect(screen.getByTestId("field-email")).toHaveValue("ana@example.com");
    expect(screen.getByTestId("field-company")).toHaveValue("Lima Media");
    expect(screen.getByTestId("field-address")).toHaveValue("Rua Augusta 12\n01305-000 São Paulo");
    expect(screen.getByTestId("field-country")).toHaveValue("BR");
    expect(screen.getByTestId("field-status")).toHaveValue("active");
    expect(screen.getByTestId("field-group")).toHaveValue("2");
    expect(screen.getByLabelText("Social profile 1")).toHaveValue("@ana");
    expect(screen.getByLabelText("Custom field 1 name")).toHaveValue("niche");
    expect(screen.getByLabelText("Custom field 1 value")).toHaveValue("travel");
    expect(screen.getByLabelText("Code 1")).toHaveValue("ANA10");
    expect(screen.getByLabelText("PayPal email")).toHaveValue("pay@lima.example");
    expect(screen.getByText("vip")).toBeInTheDocument();
    expect(screen.getByTestId("partner-save")).toBeDisabled();
  });

  it("saves the whole record with the change", async () => {
    const { user, onSaved } = setup({ mode: "edit", id: 5 });
    const email = await screen.findByDisplayValue("ana@example.com");
    await user.clear(email);
    await user.type(email, "ana@lima.example");
    await user.click(screen.getByTestId("partner-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo("partner_update")).toEqual([{ id: 5, input: { ...partnerToInput(partner), email: "ana@lima.example" } }]);
    expect(onSaved.mock.calls[0][1]).toBe(false);
  });

  it("saves a postal address of several lines as typed", async () => {
    const { user, onSaved } = setup({ mode: "edit", id: 5 });
    const address = await screen.findByTestId("field-address");
    expect(address.tagName).toBe("TEXTAREA");
    expect(screen.getByText("Up to 6 lines. Statements print it under the partner's name.")).toBeInTheDocument();
    await user.type(address, "{Enter}Brazil");
    await user.click(screen.getByTestId("partner-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo("partner_update")).toEqual([
      { id: 5, input: { ...partnerToInput(partner), address: "Rua Augusta 12\n01305-000 São Paulo\nBrazil" } },
    ]);
  });

  it("says when the address has more lines than a statement prints, and shows the core's refusal under it", async () => {
    const { user } = setup(
      { mode: "edit", id: 5 },
      {
        partner_update: () => {
          throw { code: "invalid_input", message: "at most 6 lines", field: "address" };
        },
      },
    );
    const address = await screen.findByTestId("field-address");
    await user.type(address, "{Enter}3{Enter}4{Enter}5{Enter}6{Enter}7");
    expect(screen.getByText("7 lines: statements print at most 6.")).toBeInTheDocument();
    await user.click(screen.getByTestId("partner-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Postal address: at most 6 lines.");
    expect(address).toHaveAttribute("aria-invalid", "true");
  });

  it("shows a conflict by the field and in the banner", async () => {
    const { user, onSaved } = setup(
      { mode: "edit", id: 5 },
      {
        partner_update: () => {
          throw { code: "conflict", message: "another partner already has this email", field: "email" };
        },
      },
    );
    const email = await screen.findByDisplayValue("ana@example.com");
    await user.type(email, "x");
    await user.click(screen.getByTestId("partner-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Email: another partner already has this email.");
    expect(screen.getByTestId("field-email")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Another partner already has this email.")).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
    // Editing the field clears its error.
    await user.type(screen.getByTestId("field-email"), "y");
    expect(screen.getByTestId("field-email")).not.toHaveAttribute("aria-invalid");
  });

  it("cancel puts the saved values back", async () => {
    const { user, onClose } = setup({ mode: "edit", id: 5 });
    const name = await screen.findByDisplayValue("Ana Lima");
    await user.type(name, " Jr");
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
    await user.click(screen.getByTestId("partner-cancel"));
    expect(screen.getByTestId("field-name")).toHaveValue("Ana Lima");
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("partner-cancel"));
    expect(onClose).toHaveBeenCalled();
  });

  it("changes the status with a reason from the header", async () => {
    const { user, onSaved } = setup({ mode: "edit", id: 5 });
    await screen.findByDisplayValue("Ana Lima");
    await user.click(screen.getByTestId("status-control"));
    const popover = screen.getByRole("dialog", { name: "Change status" });
    await user.click(within(popover).getByLabelText("Paused"));
    await user.type(within(popover).getByLabelText("Reason"), "On holiday");
    await user.click(within(popover).getByRole("button", { name: "Set to Paused" }));
    await waitFor(() => expect(callsTo("partner_set_status")).toEqual([{ id: 5, status: "paused", reason: "On holiday" }]));
    await waitFor(() => expect(screen.getByTestId("field-status")).toHaveValue("paused"));
    expect(onSaved).toHaveBeenCalled();
  });

  it("lists the timeline newest first and adds a note", async () => {
    const { user } = setup({ mode: "edit", id: 5 });
    await screen.findByDisplayValue("Ana Lima");
    await user.click(screen.getByTestId("tab-timeline"));
    const items = await screen.findAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Status: applicant → active");
    expect(items[0]).toHaveTextContent("Approved");
    expect(items[1]).toHaveTextContent("Import");
    await user.type(screen.getByTestId("note-text"), "Called, <b>loves</b> the program");
    await user.click(screen.getByTestId("note-add"));
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(3));
    expect(callsTo("partner_add_note")).toEqual([{ id: 5, text: "Called, <b>loves</b> the program" }]);
    // Untrusted text is shown as text, never as markup.
    expect(screen.getAllByRole("listitem")[0]).toHaveTextContent("Called, <b>loves</b> the program");
    expect(document.querySelector(".timeline b")).toBeNull();
  });
});

describe("PartnerPanel, new partner", () => {
  it("creates a partner from every kind of field", async () => {
    const { user, onSaved } = setup({ mode: "new" });
    await user.type(screen.getByTestId("field-name"), "Chloé Martin");
    await user.type(screen.getByTestId("field-email"), "chloe@example.fr");
    await user.type(screen.getByTestId("field-country"), "fr");
    await user.selectOptions(screen.getByTestId("field-status"), "applicant");
    await user.selectOptions(screen.getByTestId("field-group"), "2");
    await user.type(screen.getByLabelText("Tags"), "blogger{enter}");
    await user.click(screen.getByRole("button", { name: "Add field" }));
    await user.type(screen.getByLabelText("Custom field 1 name"), "size");
    await user.type(screen.getByLabelText("Custom field 1 value"), "M");
    await user.click(screen.getByRole("button", { name: "Add code" }));
    await user.selectOptions(screen.getByLabelText("Code 1 kind"), "coupon");
    await user.type(screen.getByLabelText("Code 1"), "CHLOE15");
    await user.selectOptions(screen.getByTestId("field-payout-method"), "iban");
    await user.type(screen.getByLabelText("IBAN"), "FR1420041010050500013M02606");
    await user.type(screen.getByLabelText("BIC"), "PSSTFRPPPAR");
    await user.selectOptions(screen.getByLabelText("Tax status"), "w8ben");
    await user.type(screen.getByLabelText("W-8BEN expires"), "2028-06-30");
    expect(screen.getByText("Tax id in their country")).toBeInTheDocument();
    await user.type(screen.getByLabelText("TIN"), "FR 12 345 678 901");
    await user.type(screen.getByLabelText("Parent partner"), "bru");
    await user.click(await screen.findByRole("option", { name: /Bruno Parent/ }));
    await user.click(screen.getByTestId("partner-save"));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0][1]).toBe(true);
    expect(callsTo("partner_create")).toEqual([
      {
        input: {
          name: "Chloé Martin",
          first_name: "",
          email: "chloe@example.fr",
          company: "",
          address: "",
          website: "",
          social_profiles: [],
          country: "FR",
          language: "",
          status: "applicant",
          group_id: 2,
          tags: ["blogger"],
          custom_fields: { size: "M" },
          parent_id: 8,
          codes: [{ kind: "coupon", code: "CHLOE15" }],
          payout: { method: "iban", email: "", iban: "FR1420041010050500013M02606", bic: "PSSTFRPPPAR", other: "" },
          payout_currency: "",
          tax: { status: "w8ben", form_expires: "2028-06-30", vat_id: "", tin: "FR 12 345 678 901" },
          terms_version: "",
        },
      },
    ]);
  });

  it("shows only the fields the payout method and tax status need", async () => {
    const { user } = setup({ mode: "new" });
    expect(screen.queryByLabelText("IBAN")).toBeNull();
    await user.selectOptions(screen.getByTestId("field-payout-method"), "wise");
    expect(screen.getByLabelText("Wise email")).toBeInTheDocument();
    expect(screen.getByLabelText("IBAN")).toBeInTheDocument();
    expect(screen.getByLabelText("BIC")).toBeInTheDocument();
    expect(screen.getByTestId("wise-bank-hint")).toHaveTextContent("Optional. With an IBAN, Wise pays the account directly");
    await user.selectOptions(screen.getByTestId("field-payout-method"), "iban");
    expect(screen.getByLabelText("IBAN")).toBeInTheDocument();
    expect(screen.queryByTestId("wise-bank-hint")).toBeNull();
    await user.selectOptions(screen.getByTestId("field-payout-method"), "other");
    expect(screen.getByLabelText("Payout instructions")).toBeInTheDocument();
    expect(screen.queryByLabelText("Wise email")).toBeNull();
    expect(screen.queryByLabelText("IBAN")).toBeNull();
    expect(screen.queryByLabelText("TIN")).toBeNull();
    await user.selectOptions(screen.getByLabelText("Tax status"), "vat");
    expect(screen.getByLabelText("VAT id")).toBeInTheDocument();
    expect(screen.queryByLabelText("W-8BEN expires")).toBeNull();
    expect(screen.queryByLabelText("TIN")).toBeNull();
  });

  it("sends a Wise partner's IBAN and BIC with their email", async () => {
    const { user, onSaved } = setup({ mode: "new" });
    await user.type(screen.getByTestId("field-name"), "Dirk Jansen");
    await user.selectOptions(screen.getByTestId("field-payout-method"), "wise");
    await user.type(screen.getByLabelText("Wise email"), "dirk@example.nl");
    await user.type(screen.getByLabelText("IBAN"), "NL91ABNA0417164300");
    await user.type(screen.getByLabelText("BIC"), "ABNANL2A");
    await user.click(screen.getByTestId("partner-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect((callsTo("partner_create")[0].input as PartnerInput).payout).toEqual({ method: "wise", email: "dirk@example.nl", iban: "NL91ABNA0417164300", bic: "ABNANL2A", other: "" });
  });

  it("points at the field the core refused", async () => {
    const { user } = setup(
      { mode: "new" },
      {
        partner_create: () => {
          throw { code: "invalid_input", message: "\"a\" must be 2 to 64 letters, digits, '-', '_' or '.'", field: "referral_codes" };
        },
      },
    );
    await user.click(screen.getByTestId("partner-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Referral codes:");
    expect(screen.getByText(/must be 2 to 64 letters/, { selector: ".field-error" })).toBeInTheDocument();
  });
});

describe("PartnerPanel, the TIN", () => {
  const onW9: Partner = { ...partner, tax: { status: "w9", form_expires: "", vat_id: "", tin: "987-65-4321" } };

  it("is masked in the form until shown, and saved with the record", async () => {
    const { user, onSaved } = setup({ mode: "edit", id: 5 }, { partner_get: () => onW9 });
    const tin = await screen.findByLabelText("TIN");
    expect(tin).toHaveAttribute("type", "password");
    expect(tin).toHaveAttribute("autocomplete", "off");
    expect(tin).toHaveValue("987-65-4321");
    expect(screen.getByText("An SSN (###\u2011##\u2011####) or an EIN (##\u2011#######)")).toBeInTheDocument();
    expect(screen.getByTestId("partner-panel")).not.toHaveTextContent("4321");

    const toggle = screen.getByRole("button", { name: "Show" });
    await user.click(toggle);
    expect(tin).toHaveAttribute("type", "text");
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Hide" }));
    expect(tin).toHaveAttribute("type", "password");

    await user.clear(tin);
    await user.type(tin, "12-3456789");
    await user.click(screen.getByTestId("partner-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(callsTo("partner_update")).toEqual([{ id: 5, input: { ...partnerToInput(onW9), tax: { ...onW9.tax, tin: "12-3456789" } } }]);
  });

  it("sends none once the status takes no TIN", async () => {
    const { user, onSaved } = setup({ mode: "edit", id: 5 }, { partner_get: () => onW9 });
    await user.selectOptions(await screen.findByLabelText("Tax status"), "none");
    await user.click(screen.getByTestId("partner-save"));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect((callsTo("partner_update")[0].input as PartnerInput).tax).toEqual({ status: "none", form_expires: "", vat_id: "", tin: "" });
  });

  it("shows the core's refusal under the field, never the number", async () => {
    const { user } = setup(
      { mode: "edit", id: 5 },
      {
        partner_get: () => onW9,
        partner_update: () => {
          throw { code: "invalid_input", message: "\"***-**-432\" is not a US TIN: an SSN is 123-45-6789, an EIN 12-3456789", field: "tin" };
        },
      },
    );
    const tin = await screen.findByLabelText("TIN");
    await user.type(tin, "{Backspace}");
    await user.click(screen.getByTestId("partner-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent(/^TIN: /);
    expect(screen.getByText(/is not a US TIN/, { selector: ".field-error" })).toHaveAttribute("id", "pf-tin-error");
    expect(tin).toHaveAttribute("aria-invalid", "true");
    expect(tin).toHaveAttribute("type", "password");
  });
});
