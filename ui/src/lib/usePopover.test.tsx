import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { usePopover } from "./usePopover";

function Menu() {
  const { open, setOpen, ref, buttonRef, panelRef, panelStyle, onKeyDown } = usePopover();
  return (
    <div ref={ref}>
      <button ref={buttonRef} onClick={() => setOpen((o) => !o)}>
        Open
      </button>
      {open && (
        <div ref={panelRef} style={panelStyle} onKeyDown={onKeyDown} data-testid="panel">
          <input aria-label="inside" />
        </div>
      )}
    </div>
  );
}

/** Every element measured as a box from `left` to `right`. */
function boxes(left: number, right: number) {
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockReturnValue({ left, right, top: 0, bottom: 10, width: right - left, height: 10, x: left, y: 0, toJSON: () => ({}) });
}

describe("usePopover", () => {
  afterEach(() => vi.restoreAllMocks());

  it("closes on a click outside and on Escape, handing focus back", () => {
    render(<Menu />);
    fireEvent.click(screen.getByText("Open"));
    fireEvent.mouseDown(document.body);
    expect(screen.queryByTestId("panel")).toBeNull();
    fireEvent.click(screen.getByText("Open"));
    fireEvent.keyDown(screen.getByLabelText("inside"), { key: "Escape" });
    expect(screen.queryByTestId("panel")).toBeNull();
    expect(document.activeElement).toBe(screen.getByText("Open"));
  });

  it("turns a panel that would run off the window's right side to the left", () => {
    boxes(window.innerWidth - 100, window.innerWidth + 180);
    render(<Menu />);
    fireEvent.click(screen.getByText("Open"));
    expect(screen.getByTestId("panel").style.right).toBe("0px");
  });

  it("leaves a panel that fits where its side puts it", () => {
    boxes(10, 290);
    render(<Menu />);
    fireEvent.click(screen.getByText("Open"));
    expect(screen.getByTestId("panel").style.right).toBe("");
  });
});
