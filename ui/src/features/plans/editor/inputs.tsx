import type { InputHTMLAttributes } from "react";
import { normaliseRate, rateToInput } from "../numbers";

type Base = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  testId?: string;
};

/** A percentage: the number typed, "%" shown after it; "12.50" becomes "12.5" on leaving. */
export function RateInput({ value, onChange, invalid, testId, ...rest }: Base) {
  return (
    <span className="pl-affix">
      <input
        {...rest}
        className="input num pl-affix-input"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        placeholder={rest.placeholder ?? "30"}
        value={value}
        aria-invalid={invalid || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          const rate = normaliseRate(value);
          if (rate !== null && rateToInput(rate) !== value) onChange(rateToInput(rate));
        }}
      />
      <span className="pl-affix-text" aria-hidden>
        %
      </span>
    </span>
  );
}

/** An amount in the book's base currency, its code shown after it. */
export function MoneyInput({ value, onChange, invalid, testId, currency, ...rest }: Base & { currency: string }) {
  return (
    <span className="pl-affix">
      <input
        {...rest}
        className="input num pl-affix-input"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        placeholder={rest.placeholder ?? "0.00"}
        value={value}
        aria-invalid={invalid || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value.replace(/\s+/g, ""))}
      />
      <span className="pl-affix-text" aria-hidden>
        {currency}
      </span>
    </span>
  );
}

/** A whole number with a unit after it ("months", "sales"). */
export function CountInput({ value, onChange, invalid, testId, unit, ...rest }: Base & { unit: string }) {
  return (
    <span className="pl-affix">
      <input
        {...rest}
        className="input num pl-affix-input"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={invalid || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value.replace(/[^\d]/g, ""))}
      />
      <span className="pl-affix-text" aria-hidden>
        {unit}
      </span>
    </span>
  );
}

type Choice<T extends string> = { value: T; label: string };

/** A small segmented choice between two or three options (radio buttons). */
export function Segmented<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
  invalid,
}: {
  name: string;
  label: string;
  value: T;
  options: Choice<T>[];
  onChange: (value: T) => void;
  invalid?: boolean;
}) {
  return (
    <div className="pl-segmented" role="radiogroup" aria-label={label} aria-invalid={invalid || undefined}>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? "pl-segment pl-segment-on" : "pl-segment"}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
