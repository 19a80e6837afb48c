import { BookOpen, FileWarning, X } from "lucide-react";
import type { RecentBook } from "../../bindings/RecentBook";
import { formatRelative } from "../../lib/format";

type Props = {
  books: RecentBook[] | null;
  onOpen: (path: string) => void;
  onForget: (path: string) => void;
  disabled?: boolean;
};

export function RecentBooks({ books, onOpen, onForget, disabled }: Props) {
  if (books === null) return null;
  if (books.length === 0) {
    return <p className="recent-empty">Books you open will be listed here.</p>;
  }
  return (
    <ul className="recent-list" aria-label="Recent books">
      {books.map((b) => (
        <li key={b.path} className={b.exists ? "recent-item" : "recent-item recent-missing"} data-testid="recent-book">
          <button
            type="button"
            className="recent-open"
            disabled={!b.exists || disabled}
            onClick={() => onOpen(b.path)}
            title={b.exists ? b.path : `${b.path} (missing)`}
          >
            <span className="recent-icon" aria-hidden>
              {b.exists ? <BookOpen size={16} /> : <FileWarning size={16} />}
            </span>
            <span className="recent-text">
              <span className="recent-name">{b.program_name || "Untitled program"}</span>
              <span className="recent-path">{b.path}</span>
            </span>
            <span className="recent-date num">{b.exists ? formatRelative(b.opened_at) : "Missing"}</span>
          </button>
          {b.exists ? (
            <button type="button" className="recent-forget-icon" aria-label={`Forget ${b.program_name}`} onClick={() => onForget(b.path)}>
              <X size={14} />
            </button>
          ) : (
            <button type="button" className="recent-forget" onClick={() => onForget(b.path)}>
              Forget
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
