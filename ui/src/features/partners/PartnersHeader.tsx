import { Download, Plus, Search, Upload, X } from "lucide-react";
import type { RefObject } from "react";
import { Button } from "../../components/Button";
import { FullTinsCheck } from "../../components/FullTinsCheck";
import { plural } from "../../lib/format";

type Props = {
  total: number | null;
  filtered: boolean;
  search: string;
  onSearch: (text: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** ArrowDown in the search box: on to the table. */
  onSearchDown: () => void;
  onAdd: () => void;
  onImport: () => void;
  onExport: () => void;
  exporting: boolean;
  /** The export writes TINs whole (else masked). */
  fullTins: boolean;
  onFullTins: (whole: boolean) => void;
};

export function PartnersHeader(props: Props) {
  const { total, filtered, search, onSearch, searchRef, onSearchDown, onAdd, onImport, onExport, exporting, fullTins, onFullTins } = props;
  return (
    <header className="screen-header partners-header">
      <div className="partners-title">
        <h1>Partners</h1>
        <span className="partners-count num" data-testid="partners-count" aria-live="polite">
          {total === null ? "\u00a0" : filtered ? `${plural(total, "partner")} match` : plural(total, "partner")}
        </span>
      </div>
      <div className="partners-search">
        <Search size={15} className="partners-search-icon" aria-hidden />
        <input
          ref={searchRef}
          className="input"
          type="search"
          placeholder="Search partners"
          aria-label="Search partners"
          title="By name, email, company or code"
          data-testid="partners-search"
          value={search}
          spellCheck={false}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && search) {
              e.preventDefault();
              e.stopPropagation();
              onSearch("");
            } else if (e.key === "ArrowDown" || e.key === "Enter") {
              e.preventDefault();
              onSearchDown();
            }
          }}
        />
        {search ? (
          <button type="button" className="partners-search-clear" aria-label="Clear search" onClick={() => onSearch("")}>
            <X size={14} />
          </button>
        ) : (
          <kbd className="partners-search-kbd" aria-hidden>
            /
          </kbd>
        )}
      </div>
      <div className="partners-actions">
        <Button icon={<Upload size={15} />} onClick={onImport} data-testid="partners-import">
          Import CSV
        </Button>
        <FullTinsCheck checked={fullTins} onChange={onFullTins} label="Full TINs" testId="partners-export-full-tins">
          <Button icon={<Download size={15} />} onClick={onExport} busy={exporting} data-testid="partners-export">
            Export CSV
          </Button>
        </FullTinsCheck>
        <Button variant="primary" icon={<Plus size={15} />} onClick={onAdd} data-testid="partners-add">
          Add partner
        </Button>
      </div>
    </header>
  );
}
