import { invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RecentBook } from "../../bindings/RecentBook";
import { callsTo, mockCommands } from "../../test/tauri";
import type { BookInfo } from "./api";
import { StartScreen } from "./StartScreen";

vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());
vi.mock("@tauri-apps/plugin-dialog", async () => (await import("../../test/tauriModules")).dialogModule());

const book: BookInfo = { path: "/books/Acme.partnerbook", program_name: "Acme", base_currency: "EUR", partner_count: 0, schema_version: 1 };

const recent: RecentBook[] = [
  { path: "/books/Fjord.partnerbook", program_name: "Fjord Notes", opened_at: "2026-11-20T10:00:00Z", exists: true },
  { path: "/gone/Old.partnerbook", program_name: "Old Program", opened_at: "2026-01-01T10:00:00Z", exists: false },
];

async function setup(overrides: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  vi.mocked(invoke).mockReset();
  vi.mocked(open).mockReset();
  mockCommands({
    recent_books: () => recent,
    book_suggest_path: ({ programName }) => `/home/ana/${programName || "Partner program"}.partnerbook`,
    book_create: () => book,
    book_open: ({ path }) => ({ ...book, path }),
    book_open_demo: () => ({ ...book, program_name: "Demo" }),
    recent_forget: ({ path }) => recent.filter((b) => b.path !== path),
    ...overrides,
  });
  const onOpened = vi.fn();
  render(<StartScreen onOpened={onOpened} />);
  // The file location is prefilled from the (empty) program name first.
  await waitFor(() => expect(screen.getByTestId("create-path")).toHaveValue("/home/ana/Partner program.partnerbook"));
  return { onOpened, user: userEvent.setup() };
}

describe("StartScreen", () => {
  beforeEach(() => vi.useRealTimers());

  it("lists recent books and greys out missing ones", async () => {
    await setup();
    const items = await screen.findAllByTestId("recent-book");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText("Fjord Notes")).toBeInTheDocument();
    expect(within(items[0]).getByText("/books/Fjord.partnerbook")).toBeInTheDocument();
    expect(items[1]).toHaveClass("recent-missing");
    expect(within(items[1]).getByText("Missing")).toBeInTheDocument();
    expect(within(items[1]).getByRole("button", { name: /Old Program/ })).toBeDisabled();
  });

  it("forgets a missing book", async () => {
    const { user } = await setup();
    const missing = (await screen.findAllByTestId("recent-book"))[1];
    await user.click(within(missing).getByRole("button", { name: "Forget" }));
    expect(callsTo("recent_forget")).toEqual([{ path: "/gone/Old.partnerbook" }]);
    await waitFor(() => expect(screen.getAllByTestId("recent-book")).toHaveLength(1));
  });

  it("opens a recent book", async () => {
    const { user, onOpened } = await setup();
    await user.click(await screen.findByRole("button", { name: /^Fjord Notes/ }));
    expect(callsTo("book_open")).toEqual([{ path: "/books/Fjord.partnerbook" }]);
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith({ ...book, path: "/books/Fjord.partnerbook" }));
  });

  it("prefills the file from the program name and creates the book", async () => {
    const { user, onOpened } = await setup();
    await user.type(screen.getByTestId("create-name"), "Acme");
    await waitFor(() => expect(screen.getByTestId("create-path")).toHaveValue("/home/ana/Acme.partnerbook"));
    const currency = screen.getByTestId("create-currency");
    await user.clear(currency);
    await user.type(currency, "eur");
    expect(currency).toHaveValue("EUR");
    await user.click(screen.getByTestId("create-submit"));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith(book));
    expect(callsTo("book_create")).toEqual([
      { path: "/home/ana/Acme.partnerbook", program: { program_name: "Acme", base_currency: "EUR" } },
    ]);
  });

  it("keeps a file location the person typed", async () => {
    const { user } = await setup();
    const path = screen.getByTestId("create-path");
    await waitFor(() => expect(path).toHaveValue("/home/ana/Partner program.partnerbook"));
    await user.clear(path);
    await user.type(path, "/tmp/mine.partnerbook");
    await user.type(screen.getByTestId("create-name"), "Zeta");
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(path).toHaveValue("/tmp/mine.partnerbook");
  });

  it("asks for a name before creating", async () => {
    const { user, onOpened } = await setup();
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("Give the program a name.")).toBeInTheDocument();
    expect(screen.getByTestId("create-name")).toHaveAttribute("aria-invalid", "true");
    expect(callsTo("book_create")).toEqual([]);
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("shows a file that already exists by the file field", async () => {
    const { user, onOpened } = await setup({
      book_create: () => {
        throw { code: "already_exists", message: "/home/ana/Acme.partnerbook already exists; choose another file name", field: null };
      },
    });
    await user.type(screen.getByTestId("create-name"), "Acme");
    await waitFor(() => expect(screen.getByTestId("create-path")).toHaveValue("/home/ana/Acme.partnerbook"));
    await user.click(screen.getByTestId("create-submit"));
    expect(await screen.findByText("/home/ana/Acme.partnerbook already exists; choose another file name.")).toBeInTheDocument();
    expect(screen.getByTestId("create-path")).toHaveAttribute("aria-invalid", "true");
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("opens a book chosen in the native dialog", async () => {
    const { user, onOpened } = await setup();
    vi.mocked(open).mockResolvedValue("/picked/B.partnerbook");
    await user.click(screen.getByTestId("open-book"));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith({ ...book, path: "/picked/B.partnerbook" }));
    expect(vi.mocked(open).mock.calls[0][0]).toMatchObject({ filters: [{ name: "Partnerbook", extensions: ["partnerbook"] }] });
  });

  it("does nothing when the open dialog is cancelled", async () => {
    const { user, onOpened } = await setup();
    vi.mocked(open).mockResolvedValue(null);
    await user.click(screen.getByTestId("open-book"));
    await waitFor(() => expect(screen.getByTestId("open-book")).toBeEnabled());
    expect(callsTo("book_open")).toEqual([]);
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("opens the demo book and shows errors in plain words", async () => {
    const { user, onOpened } = await setup({
      book_open_demo: () => {
        throw { code: "io", message: "could not write the demo book: disk full", field: null };
      },
    });
    await user.click(screen.getByTestId("open-demo"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Could not write the demo book: disk full.");
    expect(onOpened).not.toHaveBeenCalled();
    expect(screen.getByTestId("open-demo")).toBeEnabled();
  });
});
