import "./RadioCards.css";

type Option<T extends string> = { value: T; label: string; description: string };

type Props<T extends string> = {
  name: string;
  value: T;
  options: Option<T>[];
  onChange: (value: T) => void;
  label: string;
};

/** A choice between a few options, each with a one-line explanation. */
export function RadioCards<T extends string>({ name, value, options, onChange, label }: Props<T>) {
  return (
    <div className="radio-cards" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? "radio-card radio-card-checked" : "radio-card"}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          <span className="radio-card-text">
            <span className="radio-card-label">{o.label}</span>
            <span className="radio-card-description">{o.description}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
