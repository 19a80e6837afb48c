import { describe, expect, it } from "vitest";
import { COLUMNS_KEY, readChoice, shownColumns, toggleColumn, writeChoice } from "./columnChoice";
import { COLUMNS, gridTemplate, minRowWidth } from "./columns";

const col = (id: string) => COLUMNS.find((c) => c.id === id)!;

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

describe("column choice", () => {
  it("shows the usual columns until told otherwise", () => {
    expect(shownColumns({}).map((c) => c.id)).toEqual(["name", "email", "status", "country", "revenue", "commission", "balance", "lastSale"]);
  });

  it("shows the column the list is ordered by, even when turned off", () => {
    expect(shownColumns({}, "created").map((c) => c.id)).toContain("created");
    expect(shownColumns({ revenue: false }, "revenue").map((c) => c.id)).toContain("revenue");
    expect(shownColumns({ revenue: false }, "name").map((c) => c.id)).not.toContain("revenue");
  });

  it("remembers only what differs from the usual", () => {
    let choice = toggleColumn({}, col("customers"));
    expect(choice).toEqual({ customers: true });
    choice = toggleColumn(choice, col("email"));
    expect(choice).toEqual({ customers: true, email: false });
    choice = toggleColumn(choice, col("customers"));
    expect(choice).toEqual({ email: false });
    expect(shownColumns(choice).map((c) => c.id)).not.toContain("email");
  });

  it("always shows the name", () => {
    expect(shownColumns({ name: false }).map((c) => c.id)[0]).toBe("name");
  });

  it("reads back what it wrote, and ignores what it cannot read", () => {
    const storage = memoryStorage();
    writeChoice(storage, { tags: true, revenue: false });
    expect(readChoice(storage)).toEqual({ tags: true, revenue: false });
    writeChoice(storage, {});
    expect(storage.data.has(COLUMNS_KEY)).toBe(false);
    expect(readChoice(memoryStorage({ [COLUMNS_KEY]: "{not json" }))).toEqual({});
    expect(readChoice(memoryStorage({ [COLUMNS_KEY]: "[1,2]" }))).toEqual({});
    expect(readChoice(memoryStorage({ [COLUMNS_KEY]: JSON.stringify({ gone: true, tags: "yes", group: true }) }))).toEqual({ group: true });
    expect(readChoice(null)).toEqual({});
  });
});

describe("column widths", () => {
  it("fits money to the widest value seen, never under its header", () => {
    const cols = [col("name"), col("revenue"), col("lastSale")];
    expect(gridTemplate(cols, {})).toBe("minmax(140px, 2fr) 76px 96px");
    expect(gridTemplate(cols, { revenue: 11.25 })).toBe("minmax(140px, 2fr) max(76px, 11.3ch) 96px");
  });

  it("knows the width under which the table scrolls sideways", () => {
    const cols = [col("name"), col("email"), col("revenue")];
    expect(minRowWidth(cols, {})).toBe("calc(72px + 140px + 130px + 76px)");
    expect(minRowWidth(cols, { revenue: 12 })).toBe("calc(72px + 140px + 130px + max(76px, 12ch))");
  });
});
