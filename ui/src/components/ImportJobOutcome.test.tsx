import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ImportJobOutcome, type ImportJobState } from "./ImportJobOutcome";

type Report = { rows: number };

function show(state: ImportJobState<Report>) {
  return render(
    <ImportJobOutcome
      state={state}
      testIdPrefix="job"
      failedText={(error, dryRun) => `${dryRun ? "Check" : "Import"} failed: ${error.message}`}
      checkedText={(r) => `${r.rows} rows check out.`}
      importedText={(r) => `Imported ${r.rows} rows.`}
      details={(r) => <p data-testid="job-details">{r.rows} in all</p>}
    />,
  );
}

describe("ImportJobOutcome", () => {
  it("shows nothing while idle", () => {
    const { container } = show({ phase: "idle" });
    expect(container.querySelector(".import-outcome")).toBeEmptyDOMElement();
  });

  it("shows the step and the count while running", () => {
    show({ phase: "running", dryRun: true, progress: { step: "reading", done: 5, total: 20 }, cancelling: false });
    const progress = screen.getByTestId("job-progress");
    expect(progress).toHaveTextContent("Checking: reading");
    expect(progress).toHaveTextContent("5 / 20");
    expect(screen.getByRole("progressbar", { name: "Checking" })).toHaveAttribute("aria-valuenow", "25");
  });

  it("shows a plain label before the first progress", () => {
    show({ phase: "running", dryRun: false, progress: null, cancelling: false });
    expect(screen.getByTestId("job-progress")).toHaveTextContent("Importing…");
  });

  it("shows the error in a banner", () => {
    show({ phase: "failed", error: { code: "io", message: "disk full", field: null }, dryRun: false });
    expect(screen.getByTestId("job-error")).toHaveTextContent("Import failed: disk full");
  });

  it("shows the check's summary and the details", () => {
    show({ phase: "checked", report: { rows: 3 } });
    expect(screen.getByTestId("job-result")).toHaveTextContent("3 rows check out.");
    expect(screen.getByRole("status")).toHaveTextContent("3 rows check out.");
    expect(screen.getByTestId("job-details")).toHaveTextContent("3 in all");
  });

  it("shows the import's line and the details", () => {
    show({ phase: "imported", report: { rows: 4 } });
    expect(screen.getByTestId("job-result")).toHaveTextContent("Imported 4 rows.");
    expect(screen.getByTestId("job-details")).toHaveTextContent("4 in all");
  });
});
