import { useState } from "react";
import { cx } from "../lib/cx";
import { Button } from "./Button";
import "./SecretInput.css";

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  disabled?: boolean;
  /** The smaller input of an inline form. */
  small?: boolean;
  testId?: string;
};

/**
 * A number that is not to be shown in full by default (a partner's TIN):
 * masked like a password until Show is pressed, and masked again on Hide.
 * Each mount starts masked, so the next record's number is never shown.
 */
export function SecretInput({ id, value, onChange, invalid, disabled, small, testId }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div className="secret-input">
      <input
        id={id}
        className={cx("input num", small && "input-sm")}
        type={shown ? "text" : "password"}
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      <Button
        variant="ghost"
        size="sm"
        aria-pressed={shown}
        aria-controls={id}
        disabled={disabled}
        onClick={() => setShown((s) => !s)}
        data-testid={testId ? `${testId}-show` : undefined}
      >
        {shown ? "Hide" : "Show"}
      </Button>
    </div>
  );
}
