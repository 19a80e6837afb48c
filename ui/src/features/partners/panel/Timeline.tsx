import { ArrowRightLeft, Banknote, Mail, Pencil, StickyNote, UserPlus, type LucideIcon } from "lucide-react";
import { useEffect, useState } from "react";
import type { Activity } from "../../../bindings/Activity";
import type { ActivityKind } from "../../../bindings/ActivityKind";
import type { Actor } from "../../../bindings/Actor";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Spinner } from "../../../components/Spinner";
import { describeError, toAppError } from "../../../lib/errors";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { useDelayed } from "../../../lib/useDelayed";
import { partnersApi } from "../api";

const ICONS: Record<ActivityKind, LucideIcon> = {
  created: UserPlus,
  updated: Pencil,
  status: ArrowRightLeft,
  note: StickyNote,
  email: Mail,
  payout: Banknote,
};

const ACTORS: Record<Actor, string> = { user: "You", import: "Import", sync: "Sync", system: "Partnerbook" };

/** Notes and the activity timeline of one partner, newest first. */
export function Timeline({ partnerId, version }: { partnerId: number; version: string }) {
  const [items, setItems] = useState<Activity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [adding, setAdding] = useState(false);
  const showSpinner = useDelayed(items === null && !error);

  useEffect(() => {
    let live = true;
    partnersApi
      .timeline(partnerId)
      .then((list) => live && setItems(list))
      .catch((e) => live && setError(describeError(toAppError(e))));
    return () => {
      live = false;
    };
  }, [partnerId, version]);

  const add = async () => {
    if (!note.trim()) return;
    setAdding(true);
    setError(null);
    try {
      const activity = await partnersApi.addNote(partnerId, note.trim());
      setItems((list) => [activity, ...(list ?? [])]);
      setNote("");
    } catch (e) {
      setError(describeError(toAppError(e), { note: "Note" }));
    } finally {
      setAdding(false);
    }
  };

  return (
    <div className="timeline">
      <div className="timeline-compose">
        <textarea
          className="input"
          rows={3}
          placeholder="Add a note… (Ctrl+Enter to save)"
          aria-label="New note"
          value={note}
          data-testid="note-text"
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) (e.preventDefault(), void add());
          }}
        />
        <div className="timeline-compose-actions">
          <Button size="sm" variant="primary" onClick={add} busy={adding} disabled={!note.trim()} data-testid="note-add">
            Add note
          </Button>
        </div>
      </div>
      {error && <Banner onDismiss={() => setError(null)}>{error}</Banner>}
      {items === null ? (
        showSpinner && <Spinner label="Loading timeline" />
      ) : items.length === 0 ? (
        <p className="timeline-empty">Nothing has happened yet.</p>
      ) : (
        <ol className="timeline-list">
          {items.map((a) => {
            const Icon = ICONS[a.kind] ?? Pencil;
            return (
              <li key={a.id} className={`timeline-item timeline-${a.kind}`}>
                <span className="timeline-icon" aria-hidden>
                  <Icon size={14} />
                </span>
                <div className="timeline-content">
                  <div className="timeline-head">
                    <span className="timeline-summary">{a.summary}</span>
                    <time className="timeline-time num" dateTime={a.at} title={formatDateTime(a.at)}>
                      {formatRelative(a.at)}
                    </time>
                  </div>
                  {a.body && <p className="timeline-body">{a.body}</p>}
                  <span className="timeline-actor">{ACTORS[a.actor] ?? a.actor}</span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
