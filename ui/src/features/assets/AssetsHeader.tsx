import { Package, Plus } from "lucide-react";
import { Button } from "../../components/Button";
import { plural } from "../../lib/format";

type Props = {
  /** Null while loading. */
  count: number | null;
  archived: boolean;
  busy: boolean;
  onAdd: () => void;
  onKit: () => void;
};

export function AssetsHeader({ count, archived, busy, onAdd, onKit }: Props) {
  return (
    <header className="screen-header as-header">
      <div className="screen-title as-title">
        <h1>Assets</h1>
        {count !== null && (
          <span className="screen-count as-count num" data-testid="assets-count">
            {archived ? `${plural(count, "archived asset")}` : plural(count, "asset")}
          </span>
        )}
      </div>
      <div className="screen-actions as-actions">
        <Button icon={<Package size={15} />} onClick={onKit} data-testid="kit-export">
          Export kit…
        </Button>
        <Button variant="primary" icon={<Plus size={15} />} onClick={onAdd} disabled={busy} data-testid="assets-add">
          Add files…
        </Button>
      </div>
    </header>
  );
}
