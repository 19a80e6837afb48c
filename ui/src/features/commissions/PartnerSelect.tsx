import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import type { PartnerRow } from "../../bindings/PartnerRow";
import { useDebounced } from "../../lib/useDebounced";
import { commissionsApi } from "./api";
import "./PartnerSelect.css";

export type PartnerRef = { id: number; name: string };

type Props = { value: PartnerRef | null; onChange: (p: PartnerRef | null) => void };

/** Search-select of one partner, by name or email; "All partners" when empty. */
export function PartnerSelect({ value, onChange }: Props) {
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
    commissionsApi
      .findPartners(query)
      .then((page) => {
        if (!live) return;
        setResults(page.rows);
        setActive(0);
      })
      .catch(() => live && setResults([]));
    return () => {
      live = false;
    };
  }, [query]);

  const choose = (row: PartnerRow) => {
    onChange({ id: row.id, name: row.name });
    setText("");
    setOpen(false);
  };

  if (value) {
    return (
      <div className="kpartner-chosen" data-testid="commissions-partner-chosen">
        <span className="kpartner-name" title={value.name}>
          {value.name}
        </span>
        <button type="button" className="kpartner-clear" aria-label="Show all partners" onClick={() => onChange(null)}>
          <X size={13} />
        </button>
      </div>
    );
  }

  const showList = open && results.length > 0;
  return (
    <div className="kpartner">
      <Search size={13} className="kpartner-icon" aria-hidden />
      <input
        className="input input-sm"
        role="combobox"
        aria-label="Partner"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        placeholder="All partners"
        value={text}
        spellCheck={false}
        data-testid="commissions-partner"
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
        <ul className="kpartner-list" role="listbox" id={listId}>
          {results.map((r, i) => (
            <li
              key={r.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "kpartner-option kpartner-active" : "kpartner-option"}
              onMouseDown={(e) => (e.preventDefault(), choose(r))}
              onMouseEnter={() => setActive(i)}
            >
              <span className="kpartner-option-name">{r.name}</span>
              <span className="kpartner-option-email">{r.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
