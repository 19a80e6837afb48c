import { Archive, LayoutGrid, List } from "lucide-react";
import type { AssetKind } from "../../bindings/AssetKind";
import type { Group } from "../../bindings/Group";
import { Segmented } from "../../components/Segmented";
import { cx } from "../../lib/cx";
import { KIND_LABELS, KINDS } from "./labels";
import { parseSize, type Filters } from "./query";

export type AssetView = "grid" | "list";

type Props = {
  filters: Filters;
  groups: Group[];
  view: AssetView;
  onChange: (f: Filters) => void;
  onView: (v: AssetView) => void;
};

export function AssetFilters({ filters, groups, view, onChange, onView }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const sizeBad = parseSize(filters.size) === undefined;
  return (
    <div className="as-filters" role="toolbar" aria-label="Filters">
      <select
        className={cx("input input-sm as-kind", filters.kind !== "" && "as-filter-on")}
        aria-label="Kind"
        value={filters.kind}
        onChange={(e) => set({ kind: e.target.value as AssetKind | "" })}
        data-testid="assets-kind"
      >
        <option value="">All kinds</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <input
        className={cx("input input-sm as-tag", filters.tag.trim() !== "" && "as-filter-on")}
        placeholder="Tag"
        aria-label="Tag"
        value={filters.tag}
        onChange={(e) => set({ tag: e.target.value })}
        data-testid="assets-tag"
      />
      <select
        className={cx("input input-sm as-group", filters.groupId !== null && "as-filter-on")}
        aria-label="Group"
        value={filters.groupId ?? ""}
        onChange={(e) => set({ groupId: e.target.value === "" ? null : Number(e.target.value) })}
        data-testid="assets-group"
      >
        <option value="">All groups</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <input
        className={cx("input input-sm num as-size", filters.size.trim() !== "" && !sizeBad && "as-filter-on")}
        placeholder="300x250"
        aria-label="Size"
        aria-invalid={sizeBad || undefined}
        title={sizeBad ? "A size in pixels, like 300x250" : undefined}
        value={filters.size}
        onChange={(e) => set({ size: e.target.value })}
        data-testid="assets-size"
      />
      <input
        className={cx("input input-sm as-search", filters.text.trim() !== "" && "as-filter-on")}
        type="search"
        placeholder="Search title or file name"
        aria-label="Search"
        value={filters.text}
        onChange={(e) => set({ text: e.target.value })}
        data-testid="assets-search"
      />
      <button
        type="button"
        className={cx("as-toggle", filters.archived && "as-toggle-on")}
        aria-pressed={filters.archived}
        onClick={() => set({ archived: !filters.archived })}
        data-testid="assets-archived"
      >
        <Archive size={13} aria-hidden /> Archived
      </button>
      <div className="as-view">
        <Segmented<AssetView>
          label="View"
          value={view}
          onChange={onView}
          options={[
            { value: "grid", label: <LayoutGrid size={14} aria-label="Grid" />, title: "Grid", testId: "assets-view-grid" },
            { value: "list", label: <List size={14} aria-label="List" />, title: "List", testId: "assets-view-list" },
          ]}
        />
      </div>
    </div>
  );
}
