import type { ReactNode } from "react";
import "./FullTinsCheck.css";

type Props = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What the box says: plain about which file it changes. */
  label: string;
  testId?: string;
  /** The export button the box belongs to, drawn first in the box's frame. */
  children: ReactNode;
};

/**
 * A CSV export that can hold partners' TINs, with its box in one frame: off,
 * the file has them masked like everywhere else; on, whole, for a 1099
 * filing. The screen itself stays masked either way.
 */
export function FullTinsCheck({ checked, onChange, label, testId, children }: Props) {
  return (
    <div className="full-tins-group" role="group" aria-label="CSV export">
      {children}
      <label className="full-tins" title="The CSV a 1099 filing needs; keep the file safe">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
        <span>{label}</span>
      </label>
    </div>
  );
}
