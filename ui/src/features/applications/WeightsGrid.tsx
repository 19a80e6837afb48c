import { weightRows } from "./screeningForm";

type Props = {
  weights: Record<string, string>;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (id: string, value: string) => void;
};

/** What each failed check takes off the score of 100. */
export function WeightsGrid({ weights, errors, disabled, onChange }: Props) {
  return (
    <div className="ap-weights" role="group" aria-label="Weights" data-testid="screening-weights">
      {weightRows(weights).map(({ id, label }) => (
        <div key={id} className="ap-weight">
          <label htmlFor={`ap-weight-${id}`} className="ap-weight-label" title={id}>
            {label}
          </label>
          <div className="ap-weight-input">
            <input
              id={`ap-weight-${id}`}
              className="input input-sm num"
              inputMode="numeric"
              value={weights[id] ?? ""}
              placeholder="0"
              disabled={disabled}
              aria-invalid={errors[id] ? true : undefined}
              aria-describedby={errors[id] ? `ap-weight-${id}-error` : undefined}
              onChange={(e) => onChange(id, e.target.value)}
              data-testid={`screening-weight-${id}`}
            />
            <span className="muted">pts</span>
          </div>
          {errors[id] && (
            <p className="field-error ap-weight-error" id={`ap-weight-${id}-error`} role="alert">
              {errors[id]}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
