import { FlaskConical, RefreshCw } from "lucide-react";
import type { ConnectionView } from "../../bindings/ConnectionView";
import { Button } from "../../components/Button";
import { formatDateTime } from "../../lib/format";

type Props = {
  connections: ConnectionView[];
  /** The connection shown, null before any exists. */
  current: ConnectionView | null;
  onPick: (name: string) => void;
  running: boolean;
  onRun: (dryRun: boolean) => void;
};

/** The newest time any resource of the connection finished syncing. */
export function lastSynced(view: ConnectionView): string | null {
  const done = view.resources.map((r) => r.last_finished).filter((d): d is string => !!d);
  return done.length ? done.reduce((a, b) => (new Date(a) > new Date(b) ? a : b)) : null;
}

export function SyncHeader({ connections, current, onPick, running, onRun }: Props) {
  const last = current ? lastSynced(current) : null;
  const blocked = !current || !current.has_keys;
  return (
    <header className="screen-header sync-header">
      <div className="screen-title">
        <h1>Sync</h1>
        {current && (
          <span className="screen-count num" data-testid="sync-last">
            {last ? `Last synced ${formatDateTime(last)}` : "Never synced"}
          </span>
        )}
      </div>
      {current && (
        <div className="screen-actions">
          {connections.length > 1 && (
            <select
              className="input sync-picker"
              aria-label="Connection"
              value={current.connection.name}
              disabled={running}
              onChange={(e) => onPick(e.target.value)}
              data-testid="sync-connection"
            >
              {connections.map((v) => (
                <option key={v.connection.id} value={v.connection.name}>
                  {v.connection.name}
                </option>
              ))}
            </select>
          )}
          <Button
            icon={<FlaskConical size={15} />}
            onClick={() => onRun(true)}
            disabled={running || blocked}
            title="Fetch everything and show what a sync would add, change and skip; write nothing"
            data-testid="sync-dry-run"
          >
            Dry run
          </Button>
          <Button variant="primary" icon={<RefreshCw size={15} />} onClick={() => onRun(false)} disabled={running || blocked} data-testid="sync-now">
            Sync now
          </Button>
        </div>
      )}
    </header>
  );
}
