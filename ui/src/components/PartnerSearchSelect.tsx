import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import type { PartnerRow } from "../bindings/PartnerRow";
import { partnersApi } from "../features/partners/api";
import { cx } from "../lib/cx";
import { useDebounced } from "../lib/useDebounced";
import "./PartnerSearchSelect.css";

/** A partner picked from the search. */
export type PartnerRef = { id: number; name: string };

/**
 * The partner shown as chosen. `id` may be text (a plan rule names its partner
 * by id as text); an empty `name` is looked up when `id` is a number.
 */
export type PartnerValue = { id: number | string; name: string };

export type PartnerSearchSelectProps = {
  value: PartnerValue | null;
  onChange: (partner: PartnerRef | null) => void;
  placeholder: string;
  /** Accessible name of the button that clears the choice. */
  clearLabel: string;
  /** data-testid of the search box. */
  testId: string;
  /** data-testid of the chosen partner; the search box's when left out. */
  chosenTestId?: string;
  id?: string;
  /** For a box without a visible label. */
  ariaLabel?: string;
  invalid?: boolean;
  disabled?: boolean;
  spellCheck?: boolean;
  /** Never offered (a partner cannot be its own parent). */
  excludeId?: number | null;
  /** How many matches to ask for. */
  limit?: number;
  /** The small toolbar look (a filter) rather than a form field. */
  compact?: boolean;
};

const DEBOUNCE_MS = 150;

/** Search-select of one partner, by name or email: shows the name, keeps the id. */
export function PartnerSearchSelect(props: PartnerSearchSelectProps) {
  const { value, onChange, placeholder, clearLabel, testId, chosenTestId = testId } = props;
  const { id, ariaLabel, invalid, disabled, spellCheck, excludeId = null, limit = 20, compact = false } = props;
  const [text, setText] = useState("");
  const [results, setResults] = useState<PartnerRow[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const listId = useId();
  const chosenId = value === null ? "" : String(value.id);
  const givenName = value?.name ?? "";
  const [knownName, setKnownName] = useState(givenName);

  // A partner known by id only (e.g. a rule loaded from the book): look the name up.
  useEffect(() => {
    setKnownName(givenName);
    if (!chosenId || givenName || !/^\d+$/.test(chosenId)) return;
    let live = true;
    partnersApi
      .get(Number(chosenId))
      .then((p) => live && setKnownName(p.name))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [chosenId, givenName]);

  useEffect(() => {
    if (!query) {
      setResults([]);
      return;
    }
    let live = true;
    partnersApi
      .search({ text: query, statuses: [], group_id: null, tag: null, country: null, sort: "relevance", descending: false, offset: 0, limit })
      .then((page) => {
        if (!live) return;
        setResults(excludeId === null ? page.rows : page.rows.filter((r) => r.id !== excludeId));
        setActive(0);
      })
      .catch(() => live && setResults([]));
    return () => {
      live = false;
    };
  }, [query, excludeId, limit]);

  const choose = (row: PartnerRow) => {
    onChange({ id: row.id, name: row.name });
    setText("");
    setOpen(false);
  };

  const iconSize = compact ? 13 : 14;

  if (value) {
    const label = knownName || `Partner #${chosenId}`;
    return (
      <div className={cx("pss-chosen", compact && "pss-compact")} data-testid={chosenTestId}>
        <span className="pss-chosen-name" title={label}>
          {label}
        </span>
        <button type="button" className="pss-clear" aria-label={clearLabel} disabled={disabled} onClick={() => onChange(null)}>
          <X size={iconSize} />
        </button>
      </div>
    );
  }

  const showList = open && results.length > 0;
  return (
    <div className={cx("pss", compact && "pss-compact")}>
      <Search size={iconSize} className="pss-icon" aria-hidden />
      <input
        id={id}
        className={compact ? "input input-sm" : "input"}
        role="combobox"
        aria-label={ariaLabel}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={text}
        disabled={disabled}
        spellCheck={spellCheck}
        data-testid={testId}
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
        <ul className="pss-list" role="listbox" id={listId}>
          {results.map((r, i) => (
            <li
              key={r.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={cx("pss-option", i === active && "pss-active")}
              onMouseDown={(e) => (e.preventDefault(), choose(r))}
              onMouseEnter={() => setActive(i)}
            >
              <span className="pss-option-name">{r.name}</span>
              <span className="pss-option-email">{r.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
