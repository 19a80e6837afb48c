type Props = { placeholders: string[]; onInsert: (placeholder: string) => void };

/** The template's placeholders: a click puts one where the cursor was, in the field last used. */
export function PlaceholderChips({ placeholders, onInsert }: Props) {
  return (
    <div className="em-placeholders" role="group" aria-label="Placeholders">
      <span className="em-placeholders-label">Insert:</span>
      {placeholders.map((p) => (
        <button
          key={p}
          type="button"
          className="em-placeholder"
          // Keeps the focus (and the cursor) in the field being edited.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(p)}
          data-testid="template-placeholder"
        >
          {p}
        </button>
      ))}
    </div>
  );
}
