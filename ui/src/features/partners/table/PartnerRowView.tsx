import { memo } from "react";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import { Chip } from "../../../components/Chip";
import { StatusPill } from "../../../components/StatusPill";
import { formatDate } from "../../../lib/format";

type Props = {
  row: PartnerRow | undefined;
  index: number;
  top: number;
  selected: boolean;
  onClick: (index: number) => void;
};

/** One line of the table; a shimmering placeholder while its page loads. */
export const PartnerRowView = memo(function PartnerRowView({ row, index, top, selected, onClick }: Props) {
  const common = {
    role: "row",
    "aria-rowindex": index + 2,
    style: { transform: `translateY(${top}px)` },
  } as const;
  if (!row) {
    return (
      <div {...common} className="ptable-row ptable-row-loading" aria-busy="true">
        <div role="gridcell" className="cell cell-name">
          <span className="skeleton skeleton-wide" />
        </div>
        <div role="gridcell" className="cell cell-email">
          <span className="skeleton" />
        </div>
      </div>
    );
  }
  const shownTags = row.tags.slice(0, 3);
  return (
    <div
      {...common}
      id={`partner-row-${index}`}
      className={selected ? "ptable-row ptable-row-selected" : "ptable-row"}
      aria-selected={selected}
      data-testid="partner-row"
      data-id={row.id}
      onClick={() => onClick(index)}
    >
      <div role="gridcell" className="cell cell-name">
        <span className="cell-primary" data-testid="partner-row-name">
          {row.name}
        </span>
        {row.company && <span className="cell-secondary">{row.company}</span>}
      </div>
      <div role="gridcell" className="cell cell-email">
        <span className="cell-ellipsis">{row.email}</span>
      </div>
      <div role="gridcell" className="cell cell-status">
        <StatusPill status={row.status} />
      </div>
      <div role="gridcell" className="cell cell-group">
        <span className="cell-ellipsis">{row.group_name ?? ""}</span>
      </div>
      <div role="gridcell" className="cell cell-tags">
        {shownTags.map((t) => (
          <Chip key={t} label={t} />
        ))}
        {row.tags.length > shownTags.length && <span className="cell-more">+{row.tags.length - shownTags.length}</span>}
      </div>
      <div role="gridcell" className="cell cell-country num">
        {row.country}
      </div>
      <div role="gridcell" className="cell cell-created num">
        {formatDate(row.created_at)}
      </div>
    </div>
  );
});
