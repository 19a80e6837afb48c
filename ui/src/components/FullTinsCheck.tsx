import "./FullTinsCheck.css";

type Props = { checked: boolean; onChange: (checked: boolean) => void; testId?: string };

/**
 * Beside a CSV export that can hold partners' TINs: off, the file has them
 * masked like everywhere else; on, whole, for a 1099 filing.
 */
export function FullTinsCheck({ checked, onChange, testId }: Props) {
  return (
    <label className="full-tins" title="The CSV a 1099 filing needs; keep the file safe">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>Include full TINs</span>
    </label>
  );
}
