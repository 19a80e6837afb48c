import { SearchX, Upload, UserPlus, Users } from "lucide-react";
import type { RefObject } from "react";
import type { PartnerSort } from "../../bindings/PartnerSort";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Spinner } from "../../components/Spinner";
import { useDelayed } from "../../lib/useDelayed";
import type { Column } from "./table/columns";
import type { NavAction, NavState } from "./table/keyboard";
import { PartnersTable } from "./table/PartnersTable";
import type { PartnerMoneyState } from "./table/usePartnerMoney";
import type { usePartnerRows } from "./table/usePartnerRows";

type Props = {
  rows: ReturnType<typeof usePartnerRows>;
  columns: Column[];
  money: PartnerMoneyState;
  total: number;
  filtered: boolean;
  nav: NavState;
  onNav: (action: NavAction, pageRows: number) => void;
  onRowClick: (index: number) => void;
  sort: PartnerSort;
  descending: boolean;
  onSort: (column: PartnerSort) => void;
  resetKey: string;
  gridRef: RefObject<HTMLDivElement | null>;
  onAdd: () => void;
  onImport: () => void;
  onClear: () => void;
};

/** The table, or what to show when there is nothing in it. */
export function PartnersBody(props: Props) {
  const { rows, total, filtered, nav, onAdd, onImport, onClear } = props;
  const firstLoad = rows.total === null;
  const showSpinner = useDelayed(firstLoad && rows.loading, 300);

  if (firstLoad) {
    return <div className="partners-loading">{showSpinner && <Spinner size={20} label="Loading partners" />}</div>;
  }
  if (total === 0 && !rows.showingStale) {
    return (
      <div className="partners-empty" data-testid="partners-empty">
        {filtered ? (
          <EmptyState
            icon={<SearchX size={20} />}
            title="No partners match"
            actions={<Button onClick={onClear} data-testid="empty-clear">Clear filters</Button>}
          >
            Try other words, or clear the search and filters to see everyone.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<Users size={20} />}
            title="No partners yet"
            actions={
              <>
                <Button variant="primary" icon={<UserPlus size={15} />} onClick={onAdd}>
                  Add partner
                </Button>
                <Button icon={<Upload size={15} />} onClick={onImport}>
                  Import CSV
                </Button>
              </>
            }
          >
            Add your first partner by hand, or import a list from a spreadsheet or another platform.
          </EmptyState>
        )}
      </div>
    );
  }
  return (
    <PartnersTable
      total={total}
      rowAt={rows.rowAt}
      ensureRange={rows.ensureRange}
      selected={nav.selected}
      onNav={props.onNav}
      onRowClick={props.onRowClick}
      sort={props.sort}
      descending={props.descending}
      onSort={props.onSort}
      resetKey={props.resetKey}
      gridRef={props.gridRef}
      columns={props.columns}
      money={props.money}
    />
  );
}
