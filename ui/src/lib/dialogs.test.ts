import { afterEach, describe, expect, it } from "vitest";
import { inBookFolder, setBookFolder } from "./dialogs";

describe("dialogs start in the book's folder", () => {
  afterEach(() => setBookFolder(null));

  it("puts a file name in the open book's folder", () => {
    setBookFolder("/home/ana/Books/acme.partnerbook");
    expect(inBookFolder("payout-run-3-paypal.csv")).toBe("/home/ana/Books/payout-run-3-paypal.csv");
    expect(inBookFolder()).toBe("/home/ana/Books");
    setBookFolder("C:\\Users\\ana\\acme.partnerbook");
    expect(inBookFolder("partners.csv")).toBe("C:\\Users\\ana\\partners.csv");
  });

  it("leaves the name alone with no book open", () => {
    expect(inBookFolder("partners.csv")).toBe("partners.csv");
    expect(inBookFolder()).toBeUndefined();
  });
});

describe("dialogs a test can answer", () => {
  it("answers from the queue first, in order, then asks the system", async () => {
    const { openDialog, saveDialog } = await import("./dialogs");
    window.__PARTNERBOOK_DIALOG_ANSWERS__ = ["/tmp/a.csv", "/tmp/run-3"];
    expect(await saveDialog({ defaultPath: "x.csv" })).toBe("/tmp/a.csv");
    expect(await openDialog({ directory: true })).toBe("/tmp/run-3");
    expect(window.__PARTNERBOOK_DIALOG_ANSWERS__).toEqual([]);
    delete window.__PARTNERBOOK_DIALOG_ANSWERS__;
  });
});
