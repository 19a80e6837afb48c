import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import { useDebounced } from "../../../lib/useDebounced";
import { partnersApi } from "../api";
import type { ParentRef } from "./partnerForm";

type Props = {
  value: ParentRef | null;
  onChange: (parent: ParentRef | null) => void;
  /** The partner being edited: never offered as its own parent. */
  selfId: number | null;
  invalid?: boolean;
};

/** Search-select of the parent partner (two-tier), by name or email. */
export function ParentPicker({ value, onChange, selfId, invalid }: Props) {
  const [text, setText] = useState("");
  const [results, setResults] = useState<PartnerRow[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const query = useDebounced(text.trim(), 150);
  const listId = useId();

  useEffect(() => {
    if (!query) {
      setResults([]);
      return;
    }
    let live = true;
    partnersApi
      .search({ text: query, statuses: [], group_id: null, tag: null, country: null, sort: "relevance", descending: false, offset: 0, limit: 8 })
      .then((page) => {
        if (!live) return;
        setResults(page.rows.filter((r) => r.id !== selfId));
        setActive(0);
      })
      .catch(() => live && setResults([]));
    return () => {
      live = false;
    };
  }, [query, selfId]);

  const choose = (row: PartnerRow) => {
    onChange({ id: row.id, name: row.name });
    setText("");
    setOpen(false);
  };

  if (value) {
    return (
      <div className="pf-parent-chosen" data-testid="field-parent">
        <span className="pf-parent-name">{value.name}</span>
        <button type="button" className="pf-parent-clear" aria-label="Remove parent partner" onClick={() => onChange(null)}>
          <X size={14} />
        </button>
      </div>
    );
  }

  const showList = open && results.length > 0;
  return (
    <div className="pf-combo">
      <Search size={14} className="pf-combo-icon" aria-hidden />
      <input
        id="pf-parent"
        className="input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        placeholder="Search partners by name or email"
        value={text}
        data-testid="field-parent"
        onChange={(e) => (setText(e.target.value), setOpen(true))}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          if (!showList) return;
          if (e.key === "ArrowDown") (e.preventDefault(), setActive((a) => Math.min(results.length - 1, a + 1)));
          else if (e.key === "ArrowUp") (e.preventDefault(), setActive((a) => Math.max(0, a - 1)));
          else if (e.key === "Enter") (e.preventDefault(), choose(results[active]));
          else if (e.key === "Escape") (e.preventDefault(), e.stopPropagation(), setOpen(false));
        }}
      />
      {showList && (
        <ul className="pf-combo-list" role="listbox" id={listId}>
          {results.map((r, i) => (
            <li
              key={r.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "pf-combo-option pf-combo-active" : "pf-combo-option"}
              onMouseDown={(e) => (e.preventDefault(), choose(r))}
              onMouseEnter={() => setActive(i)}
            >
              <span className="pf-combo-name">{r.name}</span>
              <span className="pf-combo-email">{r.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
