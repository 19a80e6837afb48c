import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CommissionQuery } from "../../bindings/CommissionQuery";
import type { ConversionQuery } from "../../bindings/ConversionQuery";
import type { PartnerQuery } from "../../bindings/PartnerQuery";
import { ToastProvider } from "../../components/Toast";
import { callsTo, mockCommands } from "../../test/tauri";
import type { BookInfo } from "../book/api";
import { attentionFixture, homeFixture } from "../home/testFixtures";
import { AppShell } from "./AppShell";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());
// No canvas in jsdom: the charts are stand-ins with one button per bar.
vi.mock("../home/plots/TrendPlot", () => ({ TrendPlot: () => <div /> }));
vi.mock("../home/plots/BarsPlot", () => ({
  BarsPlot: ({ bars, testId, onPick }: { bars: { label: string }[]; testId: string; onPick?: (i: number) => void }) => (
    <div data-testid={testId}>
      {bars.map((b, i) => (
        <button key={b.label} type="button" onClick={() => onPick?.(i)}>
          {b.label}
        </button>
      ))}
    </div>
  ),
}));

const book: BookInfo = { path: "/b/Acme.partnerbook", program_name: "Acme", base_currency: "USD", partner_count: 57, schema_version: 1 };

function setup() {
  vi.mocked(invoke).mockReset();
  mockCommands({
    home_get: ({ from, to }) => homeFixture({ from: from as string, to: to as string }),
    home_attention: () => attentionFixture(),
    conversions_list: () => ({ total: 0, rows: [] }),
    commissions_list: () => ({ total: 0, sum: null, rows: [] }),
    partners_search: () => ({ total: 0, offset: 0, rows: [] }),
    partner_get: ({ id }) => ({ id, name: "Bram de Vries" }),
    groups_list: () => [],
    tags_list: () => [],
    partners_countries: () => [],
  });
  render(
    <ToastProvider>
      <AppShell book={book} onClosed={() => undefined} onBookChanged={() => undefined} />
    </ToastProvider>,
  );
  return userEvent.setup();
}

beforeEach(() => sessionStorage.clear());

describe("Home in the shell", () => {
  it("is the first screen, at the top of the sidebar", async () => {
    setup();
    const nav = screen.getByTestId("nav-home");
    expect(nav).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("navigation", { name: "Main" }).querySelector(".nav-item")).toBe(nav);
    expect(await screen.findByTestId("home-screen")).toBeInTheDocument();
    expect(callsTo("partners_search")).toEqual([]);
  });

  it("opens Conversions filtered to the card's period and kinds, and Home again from the sidebar", async () => {
    const user = setup();
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
    await user.click(await screen.findByTestId("home-card-refunds"));
    expect(screen.getByTestId("nav-conversions")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("conversions-scope")).toBeInTheDocument();
    const query = callsTo("conversions_list")[0].query as ConversionQuery;
    expect(query).toMatchObject({ kinds: ["refund", "chargeback"], partner_id: null });
    expect(query.from).toBe(`${month}-01`);

    // From the sidebar, a screen opens as it always did.
    await user.click(screen.getByTestId("nav-home"));
    await user.click(await screen.findByTestId("home-card-commission"));
    await waitFor(() => expect(callsTo("commissions_list").length).toBeGreaterThan(0));
    expect((callsTo("commissions_list")[0].query as CommissionQuery).from).toBe(`${month}-01`);
    await user.click(screen.getByTestId("nav-conversions"));
    await waitFor(() => expect(callsTo("conversions_list").length).toBeGreaterThan(3));
    expect(screen.queryByTestId("conversions-scope")).toBeNull();
  });

  it("opens a partner's panel from a bar, and Partners keeps it after a visit elsewhere", async () => {
    const user = setup();
    const top = await screen.findByTestId("home-top-plot");
    await user.click(within(top).getByRole("button", { name: "Bram de Vries" }));
    expect(screen.getByTestId("nav-partners")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("partner-panel")).toBeInTheDocument();
    expect(callsTo("partner_get")).toEqual([{ id: 4 }]);

    await user.click(screen.getByTestId("nav-home"));
    await user.click(await screen.findByTestId("home-card-active-partners"));
    await waitFor(() => expect((callsTo("partners_search").at(-1)!.query as PartnerQuery).statuses).toEqual(["active"]));
    expect(screen.getByTestId("partner-panel")).toBeInTheDocument();
  });
});
