import type { ReactNode } from "react";
import { cx } from "../lib/cx";
import "./Segmented.css";

export type SegmentedOption<T extends string> = { value: T; label: ReactNode; testId?: string; title?: string };

type Props<T extends string> = {
  /** Accessible name of the row: "Show". */
  label: string;
  value: T;
  options: SegmentedOption<T>[];
  onChange: (value: T) => void;
};

/** A row of toggle buttons, one on at a time: tabs and filters. */
export function Segmented<T extends string>({ label, value, options, onChange }: Props<T>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={cx("segmented-item", o.value === value && "segmented-on")}
          aria-pressed={o.value === value}
          title={o.title}
          onClick={() => onChange(o.value)}
          data-testid={o.testId}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
