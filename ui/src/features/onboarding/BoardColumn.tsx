import type { Column } from "./labels";
import { PartnerCard } from "./PartnerCard";

type Props = { column: Column; selectedId: number | null; onSelect: (id: number) => void };

/** The partners stuck on one step. */
export function BoardColumn({ column, selectedId, onSelect }: Props) {
  return (
    <section className={`ob-column ob-column-${column.key}`} aria-label={column.label} data-testid={`onboarding-column-${column.key}`}>
      <header className="ob-column-header">
        <h2>{column.label}</h2>
        <span className="ob-column-count num" data-testid="onboarding-column-count">
          {column.rows.length}
        </span>
      </header>
      {column.rows.length === 0 ? (
        <p className="ob-column-empty">{column.key === "done" ? "Nobody has finished yet." : "Nobody is waiting here."}</p>
      ) : (
        <ul className="ob-cards">
          {column.rows.map((r) => (
            <PartnerCard key={r.partner_id} row={r} selected={r.partner_id === selectedId} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </section>
  );
}
