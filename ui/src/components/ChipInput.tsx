import { useId, useState, type KeyboardEvent } from "react";
import { Chip } from "./Chip";
import "./Chip.css";

type Props = {
  id?: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions?: string[];
  placeholder?: string;
  invalid?: boolean;
};

/** Adds a value on Enter or comma; Backspace in the empty box removes the last. */
export function ChipInput({ id, values, onChange, suggestions = [], placeholder, invalid }: Props) {
  const [draft, setDraft] = useState("");
  const listId = useId();

  const add = (raw: string) => {
    const value = raw.trim();
    if (!value) return;
    if (!values.some((v) => v.toLowerCase() === value.toLowerCase())) onChange([...values, value]);
    setDraft("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add(draft);
    } else if (e.key === "Backspace" && draft === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <div className="input chip-input" aria-invalid={invalid || undefined}>
      {values.map((v) => (
        <Chip key={v} label={v} onRemove={() => onChange(values.filter((x) => x !== v))} />
      ))}
      <input
        id={id}
        value={draft}
        list={suggestions.length ? listId : undefined}
        placeholder={values.length ? "" : placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
    </div>
  );
}
