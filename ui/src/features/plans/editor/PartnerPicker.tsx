import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import type { PartnerRow } from "../../../bindings/PartnerRow";
import { useDebounced } from "../../../lib/useDebounced";
import { plansApi } from "../api";

type Props = {
  id: string;
  /** The partner's id as text; empty for none. */
  value: string;
  name: string;
  onChange: (id: string, name: string) => void;
  invalid?: boolean;
};

/** Search-select of one partner: shows the name, keeps the id. */
export function PartnerPicker({ id, value, name, onChange, invalid }: Props) {
  const [text, setText] = useState("");
  const [results, setResults] = useState<PartnerRow[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [knownName, setKnownName] = useState(name);
  const query = useDebounced(text.trim(), 150);
  const listId = useId();

  // A rule loaded from the book names its partner by id only: look the name up.
  useEffect(() => {
    setKnownName(name);
    if (!value || name || !/^\d+$/.test(value)) return;
    let live = true;
    plansApi
      .partner(Number(value))
      .then((p) => live && setKnownName(p.name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, name]);

  useEffect(() => {
    if (!query) {
      setResults([]);
      return;
    }
    let live = true;
    plansApi
      .searchPartners(query)
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
    onChange(String(row.id), row.name);
    setText("");
    setOpen(false);
  };

  if (value) {
    return (
      <div className="pl-chosen" data-testid="rule-partner">
        <span className="pl-chosen-name">{knownName || `Partner #${value}`}</span>
        <button type="button" className="pl-chosen-clear" aria-label="Any partner" onClick={() => onChange("", "")}>
          <X size={14} />
        </button>
      </div>
    );
  }

  const showList = open && results.length > 0;
  return (
    <div className="pl-combo">
      <Search size={14} className="pl-combo-icon" aria-hidden />
      <input
        id={id}
        className="input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        placeholder="Any partner — search to pick one"
        value={text}
        data-testid="rule-partner"
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
        <ul className="pl-combo-list" role="listbox" id={listId}>
          {results.map((r, i) => (
            <li
              key={r.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "pl-combo-option pl-combo-active" : "pl-combo-option"}
              onMouseDown={(e) => (e.preventDefault(), choose(r))}
              onMouseEnter={() => setActive(i)}
            >
              <span className="pl-combo-name">{r.name}</span>
              <span className="pl-combo-email">{r.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
