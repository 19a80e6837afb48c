import type { RefObject } from "react";
import type { Application } from "../../bindings/Application";
import { ApplicationRow } from "./ApplicationRow";
import "../../components/LedgerTable.css";

type Props = {
  rows: Application[];
  selectedId: number | null;
  checked: Set<number>;
  compact: boolean;
  onRowClick: (id: number) => void;
  onCheck: (id: number, on: boolean) => void;
  onCheckAll: (on: boolean) => void;
  tableRef: RefObject<HTMLTableElement | null>;
};

/** One page of the queue; the screen's keys (j/k, a, r, x) work on it from anywhere. */
export function ApplicationsTable({ rows, selectedId, checked, compact, onRowClick, onCheck, onCheckAll, tableRef }: Props) {
  const pending = rows.filter((r) => r.status === "pending");
  const allChecked = pending.length > 0 && pending.every((r) => checked.has(r.id));
  const someChecked = pending.some((r) => checked.has(r.id));
  return (
    <div className="ltable-scroll">
      <table
        ref={tableRef}
        className="ltable ap-table"
        role="grid"
        aria-label="Applications"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={selectedId !== null && rows.some((r) => r.id === selectedId) ? `application-${selectedId}` : undefined}
        data-testid="applications-table"
      >
        <colgroup>
          <col className="ap-col-check" />
          <col className="ap-col-score" />
          <col className="ap-col-name" />
          {!compact && <col className="ap-col-email" />}
          {!compact && <col className="ap-col-country" />}
          <col className="ap-col-flags" />
          <col className="ap-col-status" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="ap-check-cell">
              <input
                type="checkbox"
                checked={allChecked}
                ref={(el) => {
                  if (el) el.indeterminate = someChecked && !allChecked;
                }}
                disabled={pending.length === 0}
                aria-label="Select every pending application on this page"
                onChange={(e) => onCheckAll(e.target.checked)}
                data-testid="applications-check-all"
              />
            </th>
            <th scope="col">Score</th>
            <th scope="col">Name</th>
            {!compact && <th scope="col">Email</th>}
            {!compact && <th scope="col">Country</th>}
            <th scope="col">Flags</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <ApplicationRow
              key={a.id}
              a={a}
              selected={a.id === selectedId}
              checked={checked.has(a.id)}
              compact={compact}
              onClick={onRowClick}
              onCheck={onCheck}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
