import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockCommands } from "../../test/tauri";
import { HealthBanner } from "./HealthBanner";
vi.mock("@tauri-apps/api/core", async () => (await import("../../test/tauriModules")).coreModule());

describe("the book's check on opening", () => {
  it("says nothing when all is well", async () => {
    mockCommands({ book_check: () => ({ integrity: ["ok"], problems: [] }) });
    const { container } = render(<HealthBanner bookPath="/b/acme.partnerbook" delayMs={0} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(container).toBeEmptyDOMElement();
  });

  it("names what failed", async () => {
    mockCommands({
      book_check: () => ({
        integrity: ["ok"],
        problems: ["payout run #3 no longer matches its fingerprint: it was changed after approval"],
      }),
    });
    render(<HealthBanner bookPath="/b/acme.partnerbook" delayMs={0} />);
    expect(await screen.findByTestId("book-health")).toHaveTextContent(
      "The check of this book found a problem: payout run #3 no longer matches its fingerprint",
    );
  });
});
