import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Partner } from "../../bindings/Partner";
import type { PartnerSort } from "../../bindings/PartnerSort";
import type { PartnerStatus } from "../../bindings/PartnerStatus";
import { useToast } from "../../components/Toast";
import { fileName, plural } from "../../lib/format";
import { isTypingTarget } from "../../lib/keys";
import { useDebounced } from "../../lib/useDebounced";
import type { JobProgress } from "../../bindings/JobProgress";
import { isCancelled } from "../../lib/errors";
import { chooseCsvToExport, partnersApi } from "./api";
import { ColumnsMenu } from "./ColumnsMenu";
import { ExportStatus } from "./ExportStatus";
import { ImportDialog } from "./import/ImportDialog";
import { PartnerPanel } from "./panel/PartnerPanel";
import type { PanelTarget } from "./panel/usePartnerEditor";
import { hasMoneyFilters, moneyFromIntent, type MoneyIntent } from "./moneyFilters";
import { PartnerFilters } from "./PartnerFilters";
import { PartnersBody } from "./PartnersBody";
import { PartnersHeader } from "./PartnersHeader";
import { clearFilters, EMPTY_FILTERS, effectiveSort, hasFilters, queryKey, toggleSort, toQuery, type Filters } from "./query";
import { useColumnChoice } from "./table/columnChoice";
import { INITIAL_NAV, navigate, type NavAction, type NavState } from "./table/keyboard";
import { usePartnerMoney } from "./table/usePartnerMoney";
import { usePartnerRows } from "./table/usePartnerRows";
import { useLookups } from "./useLookups";
import "./partners.css";

/**
 * What another screen opens Partners for: one partner's panel, a status or
 * money filter (and order), or the import.
 */
export type PartnersIntent = {
  partnerId?: number;
  statuses?: PartnerStatus[];
  sort?: PartnerSort;
  descending?: boolean;
  import?: boolean;
} & MoneyIntent;

/** `intent`: applied each time a new one is given (the screen stays mounted between visits). */
type Props = { active: boolean; baseCurrency: string; intent?: PartnersIntent };

export function PartnersScreen({ active, baseCurrency, intent }: Props) {
  const toast = useToast();
  const [search, setSearch] = useState("");
  const text = useDebounced(search, 120);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  // A fresh filter bar after Clear or an intent: amounts typed but not
  // applied (unreadable ones) go too.
  const [filtersEpoch, setFiltersEpoch] = useState(0);
  const [nav, setNav] = useState<NavState>(INITIAL_NAV);
  const [panel, setPanel] = useState<PanelTarget | null>(null);
  const [dirty, setDirty] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exportProgress, setExportProgress] = useState<JobProgress | null>(null);
  const [fullTins, setFullTins] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const lookups = useLookups(toast.error);

  const effective = useMemo(() => ({ ...filters, text }), [filters, text]);
  const key = queryKey(effective);
  const query = useMemo(() => toQuery(effective), [effective]);
  const rows = usePartnerRows(query, key, partnersApi.search, toast.error);
  const total = rows.total ?? 0;
  // The money columns come after the rows, for the rows on screen.
  const money = usePartnerMoney(partnersApi.money, baseCurrency, toast.error);
  const sort = effectiveSort(effective);
  const columnChoice = useColumnChoice(sort);

  /** After an edit or an import: the rows and their money again. */
  const reload = useCallback(() => {
    rows.refresh();
    money.reset();
  }, [rows, money]);

  // Back on the screen: money may have moved elsewhere (sales recorded, a
  // run paid), so it is asked again; a list ordered or filtered by money is
  // fetched again.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) {
      money.reset();
      if (sort === "revenue" || sort === "commission" || hasMoneyFilters(effective)) rows.refresh();
    }
    wasActive.current = active;
    // Only a return to the screen matters here.
  }, [active]);

  // A new list: nothing selected (an open panel keeps its partner).
  useEffect(() => setNav(INITIAL_NAV), [key]);

  const selectedId = nav.selected !== null ? rows.rowAt(nav.selected)?.id : undefined;
  // The panel follows the selection, unless it holds unsaved edits.
  useEffect(() => {
    if (!nav.open || selectedId === undefined || dirty) return;
    setPanel((p) => (p?.mode === "edit" && p.id === selectedId ? p : { mode: "edit", id: selectedId }));
  }, [nav.open, selectedId, dirty]);

  const blockedByEdits = useCallback(() => {
    if (!dirty) return false;
    toast.show("info", "Save or cancel your changes to this partner first.");
    return true;
  }, [dirty, toast]);

  /** Closes the panel; from the keyboard only when nothing is unsaved. */
  const closePanel = useCallback(
    (force = false) => {
      if (!force && blockedByEdits()) return;
      setPanel(null);
      setDirty(false);
      setNav((n) => ({ ...n, open: false }));
      gridRef.current?.focus();
    },
    [blockedByEdits],
  );

  const onNav = (action: NavAction, pageRows: number) => {
    if (action.type === "close") return closePanel();
    if (action.type === "open" && blockedByEdits()) return;
    setNav((n) => navigate(n, action, { rowCount: total, pageRows }));
  };

  const onRowClick = (index: number) => {
    if (panel && index !== nav.selected && blockedByEdits()) return;
    setNav({ selected: index, open: true });
  };

  const addPartner = () => {
    if (blockedByEdits()) return;
    setNav((n) => ({ ...n, open: false }));
    setPanel({ mode: "new" });
  };

  const onSaved = useCallback(
    (p: Partner, created: boolean) => {
      reload();
      lookups.reload();
      if (created) {
        toast.success(`${p.name} was added.`);
        setPanel({ mode: "edit", id: p.id });
      }
    },
    [reload, lookups, toast],
  );

  const exportCsv = async () => {
    const path = await chooseCsvToExport("partners.csv").catch((e) => (toast.error(e), null));
    if (!path) return;
    setExportProgress({ step: "Exporting", done: 0, total: 0 });
    try {
      const n = await partnersApi.export(path, toQuery(effective), fullTins ? "whole" : "masked", setExportProgress);
      toast.success(`Exported ${plural(n, "partner")} to ${fileName(path)}.`);
    } catch (e) {
      if (isCancelled(e)) toast.show("info", "Export cancelled; no file was left behind.");
      else toast.error(e);
    } finally {
      setExportProgress(null);
    }
  };

  // "/" focuses the search from anywhere on this screen.
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !isTypingTarget(e.target) && !document.querySelector("[aria-modal='true']")) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active]);

  // Opened from elsewhere (the home screen): a filter, a partner's panel, the import.
  useEffect(() => {
    if (!intent) return;
    const money = moneyFromIntent(intent);
    if (intent.statuses || intent.sort || hasMoneyFilters(money)) {
      setSearch("");
      setFilters({ ...EMPTY_FILTERS, ...money, statuses: intent.statuses ?? [], sort: intent.sort ?? null, descending: intent.descending ?? false });
      setFiltersEpoch((n) => n + 1);
    }
    if (intent.partnerId !== undefined && !blockedByEdits()) {
      setNav((n) => ({ ...n, open: false }));
      setPanel({ mode: "edit", id: intent.partnerId });
    }
    if (intent.import) setImporting(true);
    // Only a new intent is applied, not a new `blockedByEdits`.
  }, [intent]);

  const changeFilters = (f: Filters) => setFilters(f);
  const clearAll = () => {
    setSearch("");
    setFilters((f) => clearFilters(f));
    setFiltersEpoch((n) => n + 1);
  };

  return (
    <div className="screen partners">
      <PartnersHeader
        total={rows.total}
        filtered={hasFilters(effective)}
        search={search}
        onSearch={setSearch}
        searchRef={searchRef}
        onSearchDown={() => {
          gridRef.current?.focus();
          if (total > 0) setNav((n) => ({ ...n, selected: n.selected ?? 0 }));
        }}
        onAdd={addPartner}
        onImport={() => setImporting(true)}
        onExport={exportCsv}
        exporting={exportProgress !== null}
        fullTins={fullTins}
        onFullTins={setFullTins}
      />
      <PartnerFilters
        key={filtersEpoch}
        filters={{ ...filters, text: search }}
        lookups={lookups}
        baseCurrency={baseCurrency}
        onChange={changeFilters}
        onClear={clearAll}
        tools={<ColumnsMenu choice={columnChoice.choice} sort={sort} onToggle={columnChoice.toggle} onReset={columnChoice.reset} />}
      />
      <div className="partners-body">
        <PartnersBody
          rows={rows}
          columns={columnChoice.columns}
          money={money}
          total={total}
          filtered={hasFilters(effective)}
          nav={nav}
          onNav={onNav}
          onRowClick={onRowClick}
          sort={sort}
          descending={effective.descending}
          onSort={(column) => setFilters((f) => toggleSort({ ...f, text }, column))}
          resetKey={key}
          gridRef={gridRef}
          onAdd={addPartner}
          onImport={() => setImporting(true)}
          onClear={clearAll}
        />
        {panel && (
          <PartnerPanel
            target={panel}
            groups={lookups.groups}
            tagSuggestions={lookups.tags.map((t) => t.name)}
            onGroupsChanged={lookups.setGroups}
            baseCurrency={baseCurrency}
            onSaved={onSaved}
            onClose={() => closePanel(true)}
            onDirtyChange={setDirty}
          />
        )}
      </div>
      {exportProgress && <ExportStatus progress={exportProgress} onCancel={() => void partnersApi.cancelJob()} />}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={() => {
            reload();
            lookups.reload();
          }}
        />
      )}
    </div>
  );
}
