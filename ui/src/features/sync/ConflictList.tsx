import { GitCompareArrows } from "lucide-react";
import { EmptyState } from "../../components/EmptyState";
import { Pill } from "../../components/Pill";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../lib/format";
import { useFetched } from "../../lib/useFetched";
import { syncApi } from "./api";
import { keptLabel, resourceLabel } from "./labels";

type Props = { connection: string; version: number };

/** Fields edited both here and on the platform: both values, which one was kept, and when. */
export function ConflictList({ connection, version }: Props) {
  const list = useFetched(`sync-conflicts:${connection}:${version}`, () => syncApi.conflicts(connection), { keepStale: false });
  if (list.error) return <RetryBanner error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Spinner label="Loading conflicts" />;
  if (list.data.length === 0) {
    return (
      <EmptyState icon={<GitCompareArrows size={22} />} title="No conflicts">
        A conflict is a field edited both here and on the platform between two syncs. None so far.
      </EmptyState>
    );
  }
  return (
    <table className="sync-table sync-conflicts" data-testid="sync-conflicts">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Record</th>
          <th scope="col">Field</th>
          <th scope="col">Here</th>
          <th scope="col">Platform</th>
          <th scope="col">Kept</th>
        </tr>
      </thead>
      <tbody>
        {list.data.map((c) => (
          <tr key={c.id} data-testid="sync-conflict-row">
            <td className="sync-date num">{formatDateTime(c.at)}</td>
            <td>
              {resourceLabel(c.resource)} <span className="sync-code">{c.remote_key}</span>
            </td>
            <td>{c.field}</td>
            <td className={c.kept === "ours" ? "sync-value sync-kept" : "sync-value"}>{c.ours || <span className="muted">(empty)</span>}</td>
            <td className={c.kept === "platform" ? "sync-value sync-kept" : "sync-value"}>{c.theirs || <span className="muted">(empty)</span>}</td>
            <td>
              <Pill tone={c.kept === "platform" ? "blue" : "green"}>{keptLabel(c.kept)}</Pill>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
