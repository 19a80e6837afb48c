import { Copy, Search } from "lucide-react";
import { useMemo, useState } from "react";
import type { WhatIfRow } from "../../bindings/WhatIfRow";
import { Button } from "../../components/Button";
import { useToast } from "../../components/Toast";
import { cx } from "../../lib/cx";
import { formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { barWidths, differenceTone, formatDifference, rowsToCsv } from "./diff";
import "./ChangedTable.css";

/** More rows than this are left to the filter and the CSV. */
const SHOWN = 500;

type Props = { rows: WhatIfRow[]; period: string };

/** The partners whose month would differ, largest difference first. */
export function ChangedTable({ rows, period }: Props) {
  const [filter, setFilter] = useState("");
  const toast = useToast();
  // Bars compare with the largest difference of all, so filtering keeps their scale.
  const widths = useMemo(() => {
    const all = barWidths(rows);
    return new Map(rows.map((r, i) => [r.partner_id, all[i]]));
  }, [rows]);
  const visible = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return words.length ? rows.filter((r) => words.every((w) => r.partner_name.toLowerCase().includes(w))) : rows;
  }, [rows, filter]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(rowsToCsv(visible));
      toast.success(`Copied ${plural(visible.length, "row")} for ${period} as CSV.`);
    } catch {
      toast.show("error", "Could not copy to the clipboard.");
    }
  };

  return (
    <div className="wi-table-wrap">
      <div className="wi-table-tools">
        <h3>Partners who would be paid differently</h3>
        <span className="wi-search">
          <Search size={14} aria-hidden />
          <input
            className="input input-sm"
            type="search"
            placeholder="Filter by partner"
            aria-label="Filter by partner"
            value={filter}
            data-testid="whatif-filter"
            onChange={(e) => setFilter(e.target.value)}
          />
        </span>
        <Button size="sm" icon={<Copy size={14} />} onClick={copy} disabled={visible.length === 0} data-testid="whatif-copy">
          Copy as CSV
        </Button>
      </div>
      <table className="wi-table">
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col" className="wi-num">
              Conversions
            </th>
            <th scope="col" className="wi-num">
              Actual
            </th>
            <th scope="col" className="wi-num">
              What-if
            </th>
            <th scope="col" className="wi-num">
              Difference
            </th>
            <th scope="col" className="wi-bar-col">
              <span className="visually-hidden">Size of the difference</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.slice(0, SHOWN).map((r) => {
            const tone = differenceTone(r.difference);
            return (
              <tr key={r.partner_id} data-testid="whatif-row" data-id={r.partner_id}>
                <td className="wi-partner">{r.partner_name}</td>
                <td className="wi-num num">{formatCount(r.conversions)}</td>
                <td className="wi-num num">{formatMoney(r.actual)}</td>
                <td className="wi-num num">{formatMoney(r.scenario)}</td>
                <td className={cx("wi-num num wi-diff", `wi-diff-${tone}`)}>{formatDifference(r.difference)}</td>
                <td className="wi-bar-col">
                  <span className="wi-bar-track" aria-hidden>
                    <span className={cx("wi-bar", `wi-bar-${tone}`)} style={{ width: `${widths.get(r.partner_id) ?? 0}%` }} />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {visible.length === 0 && <p className="wi-table-note">No changed partner matches “{filter.trim()}”.</p>}
      {visible.length > SHOWN && (
        <p className="wi-table-note">
          Showing the {formatCount(SHOWN)} largest of {formatCount(visible.length)}. Filter by name to find others; the CSV has them all.
        </p>
      )}
      {filter.trim() && visible.length > 0 && visible.length < rows.length && (
        <p className="wi-table-note">
          {formatCount(visible.length)} of {plural(rows.length, "changed partner")}
        </p>
      )}
    </div>
  );
}
