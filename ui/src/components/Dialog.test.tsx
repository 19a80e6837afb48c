import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Dialog } from "./Dialog";

function Host({ autoFocus }: { autoFocus: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog title="Pick" onClose={() => setOpen(false)} testId="dialog">
          <input aria-label="Field" autoFocus={autoFocus} />
        </Dialog>
      )}
    </>
  );
}

describe("Dialog", () => {
  it("leaves the focus on a field marked autoFocus, and gives it back to the opener on Esc", async () => {
    const user = userEvent.setup();
    render(<Host autoFocus />);
    await user.click(screen.getByRole("button", { name: "Open" }));
    expect(screen.getByRole("textbox", { name: "Field" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Open" })).toHaveFocus();
  });

  it("takes the focus itself when no field asks for it", async () => {
    const user = userEvent.setup();
    render(<Host autoFocus={false} />);
    await user.click(screen.getByRole("button", { name: "Open" }));
    expect(screen.getByTestId("dialog")).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.getByRole("button", { name: "Open" })).toHaveFocus();
  });
});
