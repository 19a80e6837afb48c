import { useId } from "react";
import { COMMON_CURRENCIES } from "../lib/money";

type Props = {
  id?: string;
  value: string;
  onChange: (code: string) => void;
  invalid?: boolean;
  testId?: string;
  placeholder?: string;
};

/** A currency code: the common ones offered in a list, any ISO code typed. */
export function CurrencyInput({ id, value, onChange, invalid, testId, placeholder = "USD" }: Props) {
  const listId = useId();
  return (
    <>
      <input
        id={id}
        className="input num"
        value={value}
        list={listId}
        maxLength={3}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value.toUpperCase().replace(/[^A-Z]/g, ""))}
      />
      <datalist id={listId}>
        {COMMON_CURRENCIES.map((c) => (
          <option key={c.code} value={c.code} label={`${c.code} — ${c.name}`} />
        ))}
      </datalist>
    </>
  );
}
