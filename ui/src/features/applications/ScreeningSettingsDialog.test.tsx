import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ScreeningSettings } from "../../bindings/ScreeningSettings";
import { callsTo, mockCommands } from "../../test/tauri";
import { ScreeningSettingsDialog } from "./ScreeningSettingsDialog";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const SETTINGS: ScreeningSettings = {
  weights: {
    duplicate_email: 60,
    duplicate_domain: 25,
    duplicate_payout_account: 60,
    disposable_email: 50,
    free_mail: 15,
    blocked_country: 100,
    missing_website: 20,
    website_looks_unreachable: 20,
    own_domain: 100,
    known_customer: 30,
    spam_patterns: 40,
    country_not_targeted: 15,
    audience_below_minimum: 20,
    category_not_targeted: 10,
  },
  target_countries: ["FR"],
  blocked_countries: [],
  min_audience: 0,
  categories: [],
  business_email_only: false,
  own_domains: ["acme.com"],
  auto_approve: { enabled: false, min_score: 80, group_id: null },
};

const GROUPS = [{ id: 5, name: "Bloggers", description: "", partner_count: 3 }];

function setup(set: (a: Record<string, unknown>) => unknown = ({ settings }) => settings) {
  mockCommands({ screening_settings_get: () => SETTINGS, screening_settings_set: set });
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(<ScreeningSettingsDialog groups={GROUPS} onClose={onClose} onSaved={onSaved} />);
  return { user: userEvent.setup(), onSaved, onClose };
}

beforeEach(() => {
  vi.mocked(invoke).mockReset();
});

describe("ScreeningSettingsDialog", () => {
  it("shows every check's weight by its label, and the criteria", async () => {
    setup();
    const weights = await screen.findByTestId("screening-weights");
    expect(within(weights).getByLabelText("Email of an existing partner")).toHaveValue("60");
    expect(within(weights).getByLabelText("Categories outside the program's")).toHaveValue("10");
    expect(within(weights).getAllByRole("textbox")).toHaveLength(14);
    expect(screen.getByText("FR")).toBeInTheDocument();
    expect(screen.getByText("acme.com")).toBeInTheDocument();
    expect(screen.queryByTestId("screening-auto-score")).toBeNull();
  });

  it("saves weights, countries, audience, business email and auto-approve", async () => {
    const { user, onSaved } = setup();
    const freeMail = await screen.findByTestId("screening-weight-free_mail");
    await user.clear(freeMail);
    await user.type(freeMail, "35");
    await user.type(screen.getByLabelText("Blocked countries"), "ru{Enter}");
    await user.type(screen.getByLabelText("Target countries"), "de{Enter}");
    await user.type(screen.getByTestId("screening-min-audience"), "5000");
    await user.type(screen.getByLabelText("Categories"), "cooking{Enter}");
    await user.click(screen.getByTestId("screening-business-email"));
    await user.click(screen.getByRole("switch"));
    const score = screen.getByTestId("screening-auto-score");
    await user.clear(score);
    await user.type(score, "85");
    await user.selectOptions(screen.getByTestId("screening-auto-group"), "5");
    await user.click(screen.getByTestId("screening-save"));

    await waitFor(() => expect(callsTo("screening_settings_set")).toHaveLength(1));
    expect(callsTo("screening_settings_set")[0].settings).toEqual({
      ...SETTINGS,
      weights: { ...SETTINGS.weights, free_mail: 35 },
      target_countries: ["FR", "DE"],
      blocked_countries: ["RU"],
      min_audience: 5000,
      categories: ["cooking"],
      business_email_only: true,
      auto_approve: { enabled: true, min_score: 85, group_id: 5 },
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it("refuses a weight over 100 before asking the backend, and shows the backend's refusals", async () => {
    const { user } = setup(() => {
      throw { code: "invalid_input", message: "XX is not a country code", field: "countries" };
    });
    const spam = await screen.findByTestId("screening-weight-spam_patterns");
    await user.clear(spam);
    await user.type(spam, "150");
    await user.click(screen.getByTestId("screening-save"));
    expect(spam).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("0 to 100 points.")).toBeInTheDocument();
    expect(callsTo("screening_settings_set")).toHaveLength(0);

    await user.clear(spam);
    await user.type(spam, "40");
    await user.click(screen.getByTestId("screening-save"));
    expect(await screen.findByTestId("screening-error")).toHaveTextContent("Countries: XX is not a country code.");
  });
});
