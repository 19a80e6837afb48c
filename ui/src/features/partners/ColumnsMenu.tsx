import { Columns3 } from "lucide-react";
import type { PartnerSort } from "../../bindings/PartnerSort";
import { usePopover } from "../../lib/usePopover";
import { cx } from "../../lib/cx";
import { canHide, isShown, isSortedBy, type ColumnChoice } from "./table/columnChoice";
import { COLUMNS, type Column } from "./table/columns";

type Props = {
  choice: ColumnChoice;
  /** The list's order: its column shows whatever the choice. */
  sort: PartnerSort;
  onToggle: (c: Column) => void;
  onReset: () => void;
};

const GROUPS: { label: string; columns: Column[] }[] = [
  { label: "Partner", columns: COLUMNS.filter((c) => canHide(c) && !c.money) },
  { label: "Money", columns: COLUMNS.filter((c) => c.money) },
];

/** Which columns the table shows: a checkbox each, remembered on this machine. */
export function ColumnsMenu({ choice, sort, onToggle, onReset }: Props) {
  const { open, setOpen, ref, buttonRef, panelRef, panelStyle, onKeyDown } = usePopover();
  const customised = Object.keys(choice).length > 0;

  return (
    <div className="columns-menu" ref={ref}>
      <button
        ref={buttonRef}
        type="button"
        className={cx("filters-tool", open && "filters-tool-open")}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="columns-menu"
      >
        <Columns3 size={14} aria-hidden />
        Columns
      </button>
      {open && (
        <div
          ref={panelRef}
          style={panelStyle}
          className="popover-panel columns-popover"
          role="dialog"
          aria-label="Columns"
          data-testid="columns-popover"
          onKeyDown={onKeyDown}
        >
          {GROUPS.map((g) => (
            <fieldset key={g.label} className="columns-group">
              <legend>{g.label}</legend>
              {g.columns.map((c) => {
                const sorted = isSortedBy(c, sort);
                return (
                  <label
                    key={c.id}
                    className={cx("columns-option", sorted && "columns-option-fixed")}
                    title={sorted ? "The list is in this column's order, so it shows." : c.title}
                  >
                    <input
                      type="checkbox"
                      checked={sorted || isShown(c, choice)}
                      disabled={sorted}
                      onChange={() => onToggle(c)}
                      data-testid={`column-toggle-${c.id}`}
                    />
                    {c.menuLabel ?? c.label}
                  </label>
                );
              })}
            </fieldset>
          ))}
          <button type="button" className="columns-reset" disabled={!customised} onClick={onReset}>
            Back to the usual columns
          </button>
        </div>
      )}
    </div>
  );
}
