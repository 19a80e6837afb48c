import type { ResourceStatus } from "../../bindings/ResourceStatus";
import { Pill } from "../../components/Pill";
import { formatCount, formatDateTime } from "../../lib/format";
import { resourceLabel, skippedReasons, skippedTotal } from "./labels";

/** Where each resource of a connection stands: how far sync has got, what the last run did, and its error. */
export function ResourceTable({ resources }: { resources: ResourceStatus[] }) {
  if (resources.length === 0) {
    return (
      <p className="sync-never muted" data-testid="sync-status-never">
        Nothing synced yet. Sync now brings in the platform's groups, partners, customers, sales and rewards, in that order; a dry
        run first shows what it would add, change and skip without writing anything.
      </p>
    );
  }
  return (
    <table className="sync-table sync-status" data-testid="sync-status">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Resource
          </th>
          <th scope="col" rowSpan={2} title="The newest change on the platform that the book holds">
            Synced to
          </th>
          <th scope="col" rowSpan={2}>
            Last finished
          </th>
          <th scope="col" rowSpan={2} className="sync-num" title="Records of this resource the book holds from this connection">
            Records
          </th>
          <th scope="colgroup" colSpan={3} className="sync-group">
            Last run
          </th>
          <th scope="col" rowSpan={2}>
            Last error
          </th>
        </tr>
        <tr>
          <th scope="col" className="sync-num">
            Added
          </th>
          <th scope="col" className="sync-num">
            Changed
          </th>
          <th scope="col" className="sync-num">
            Skipped
          </th>
        </tr>
      </thead>
      <tbody>
        {resources.map((s) => {
          const run = s.last_run;
          const reasons = run ? skippedReasons(run) : [];
          return (
            <tr key={s.resource} data-testid="sync-status-row" data-resource={s.resource}>
              <th scope="row">{resourceLabel(s.resource)}</th>
              <td className="sync-date num">{s.synced_to ? formatDateTime(s.synced_to) : <span className="muted">—</span>}</td>
              <td className="sync-date num">
                {s.last_finished ? formatDateTime(s.last_finished) : <span className="muted">{s.last_started ? "Not yet" : "Never"}</span>}
                {s.interrupted && (
                  <div>
                    <Pill tone="amber" title="The next sync goes on from where this one stopped">
                      Unfinished
                    </Pill>
                  </div>
                )}
              </td>
              <td className="sync-num num" data-testid="sync-status-records">
                {formatCount(s.mapped)}
              </td>
              <td className="sync-num num">{run ? formatCount(run.added) : "—"}</td>
              <td className="sync-num num">{run ? formatCount(run.changed) : "—"}</td>
              <td className="sync-num num" title={reasons.join("\n") || undefined}>
                {run ? formatCount(skippedTotal(run)) : "—"}
              </td>
              <td className="sync-error" data-testid="sync-status-error">
                {s.last_error || <span className="muted">—</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
