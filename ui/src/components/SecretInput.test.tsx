import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { SecretInput } from "./SecretInput";

function Host({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="tin">TIN</label>
      <SecretInput id="tin" value={value} onChange={setValue} testId="tin" />
      <output data-testid="typed">{value.length}</output>
    </>
  );
}

describe("SecretInput", () => {
  it("is masked until Show is pressed, and never in the page's text", async () => {
    const user = userEvent.setup();
    render(<Host initial="123-45-6789" />);
    const input = screen.getByLabelText("TIN");
    expect(input).toHaveAttribute("type", "password");
    expect(input).toHaveAttribute("autocomplete", "off");
    expect(input).toHaveValue("123-45-6789");
    expect(document.body.textContent).not.toContain("6789");
    expect(screen.queryByRole("textbox")).toBeNull();

    const toggle = screen.getByRole("button", { name: "Show" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await user.click(toggle);
    expect(input).toHaveAttribute("type", "text");
    expect(screen.getByRole("textbox", { name: "TIN" })).toBe(input);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(toggle).toHaveTextContent("Hide");

    await user.click(toggle);
    expect(input).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Show" })).toHaveAttribute("aria-pressed", "false");
  });

  it("passes on what is typed while masked", async () => {
    const user = userEvent.setup();
    render(<Host initial="" />);
    await user.type(screen.getByLabelText("TIN"), "12-3456789");
    expect(screen.getByLabelText("TIN")).toHaveValue("12-3456789");
    expect(screen.getByTestId("typed")).toHaveTextContent("10");
    expect(screen.getByLabelText("TIN")).toHaveAttribute("type", "password");
  });
});
