import { invoke } from "@tauri-apps/api/core";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callsTo, mockCommands } from "../test/tauri";
import { PartnerSearchSelect, type PartnerRef, type PartnerSearchSelectProps, type PartnerValue } from "./PartnerSearchSelect";

vi.mock("@tauri-apps/api/core", async () => (await import("../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../test/tauriModules")).dialogModule());

const row = (id: number, name: string) => ({
  id,
  name,
  email: `${name.split(" ")[0].toLowerCase()}@example.com`,
  company: "",
  country: "",
  status: "active",
  group_name: null,
  tags: [],
  created_at: "",
});

const ROWS = [row(7, "Ana Lima"), row(8, "Bruno Parent"), row(9, "Carla Dias")];

type Extra = Partial<PartnerSearchSelectProps> & { initial?: PartnerValue | null };

/** The select with its own state, as a caller keeps it; `onChange` sees every pick. */
function setup({ initial = null, ...props }: Extra = {}) {
  const onChange = vi.fn<(p: PartnerRef | null) => void>();
  function Host() {
    const [value, setValue] = useState<PartnerValue | null>(initial);
    return (
      <PartnerSearchSelect
        value={value}
        onChange={(p) => (onChange(p), setValue(p))}
        placeholder="Search partners"
        clearLabel="Clear partner"
        testId="pick"
        {...props}
      />
    );
  }
  render(<Host />);
  return { onChange, user: userEvent.setup() };
}

beforeEach(() => {
  vi.mocked(invoke).mockReset();
  mockCommands({
    partners_search: () => ({ total: ROWS.length, offset: 0, rows: ROWS }),
    partner_get: ({ id }) => ({ id, name: id === 42 ? "Dora Book" : "Someone" }),
  });
});

describe("PartnerSearchSelect", () => {
  it("searches once the typing stops, then picks with the keyboard", async () => {
    const { user, onChange } = setup();
    await user.type(screen.getByTestId("pick"), "an");
    await screen.findByRole("option", { name: /Ana Lima/ });
    expect(callsTo("partners_search")).toEqual([
      {
        query: { text: "an", statuses: [], group_id: null, tag: null, country: null, sort: "relevance", descending: false, offset: 0, limit: 20 },
      },
    ]);
    const box = screen.getByRole("combobox");
    expect(box).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("option", { name: /Ana Lima/ })).toHaveAttribute("aria-selected", "true");

    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}");
    expect(screen.getByRole("option", { name: /Bruno Parent/ })).toHaveAttribute("aria-selected", "true");
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: /Bruno Parent/ }).id);
    await user.keyboard("{Enter}");

    expect(onChange).toHaveBeenCalledWith({ id: 8, name: "Bruno Parent" });
    expect(screen.getByTestId("pick")).toHaveTextContent("Bruno Parent");
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
  });

  it("picks with the mouse and Escape closes the list", async () => {
    const { user, onChange } = setup();
    await user.type(screen.getByTestId("pick"), "a");
    await screen.findByRole("option", { name: /Carla Dias/ });
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    await user.type(screen.getByTestId("pick"), "n");
    await user.click(await screen.findByRole("option", { name: /Carla Dias/ }));
    expect(onChange).toHaveBeenCalledWith({ id: 9, name: "Carla Dias" });
  });

  it("leaves out the excluded partner and asks for the given number", async () => {
    const { user } = setup({ excludeId: 8, limit: 8 });
    await user.type(screen.getByTestId("pick"), "a");
    await screen.findByRole("option", { name: /Ana Lima/ });
    expect(screen.queryByRole("option", { name: /Bruno Parent/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole("option")).toHaveLength(2);
    expect(callsTo("partners_search").at(-1)).toMatchObject({ query: { text: "a", limit: 8 } });
  });

  it("shows the chosen partner under its own test id and clears it", async () => {
    const { user, onChange } = setup({ initial: { id: 7, name: "Ana Lima" }, chosenTestId: "pick-chosen" });
    expect(screen.getByTestId("pick-chosen")).toHaveTextContent("Ana Lima");
    expect(callsTo("partner_get")).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Clear partner" }));
    expect(onChange).toHaveBeenCalledWith(null);
    expect(screen.getByTestId("pick")).toHaveAttribute("placeholder", "Search partners");
  });

  it("looks up the name of a partner known by id only", async () => {
    setup({ initial: { id: "42", name: "" } });
    expect(screen.getByTestId("pick")).toHaveTextContent("Partner #42");
    await waitFor(() => expect(screen.getByTestId("pick")).toHaveTextContent("Dora Book"));
    expect(callsTo("partner_get")).toEqual([{ id: 42 }]);
  });

  it("does not look up a partner named by something other than an id", () => {
    setup({ initial: { id: "ana@example.com", name: "" } });
    expect(screen.getByTestId("pick")).toHaveTextContent("Partner #ana@example.com");
    expect(callsTo("partner_get")).toEqual([]);
  });

  it("passes id, label, invalid and disabled to the box; compact is the small input", () => {
    setup({ id: "box", ariaLabel: "Partner", invalid: true, disabled: true, compact: true, spellCheck: false });
    const box = screen.getByRole("combobox", { name: "Partner" });
    expect(box).toHaveAttribute("id", "box");
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveAttribute("spellcheck", "false");
    expect(box).toHaveClass("input", "input-sm");
    expect(box).toBeDisabled();
  });
});
