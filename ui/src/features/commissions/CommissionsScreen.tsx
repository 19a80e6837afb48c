import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Commission } from "../../bindings/Commission";
import type { CommissionQuery } from "../../bindings/CommissionQuery";
import type { CommissionState } from "../../bindings/CommissionState";
import type { PartnerRef } from "../../components/PartnerSearchSelect";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { JobStatus } from "../../components/JobStatus";
import { Pager } from "../../components/Pager";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { commissionsApi } from "./api";
import type { DueLines } from "../../bindings/DueLines";
import { ApproveDueDialog, dueText } from "./ApproveDueDialog";
import { CommissionFilters, EMPTY_FILTERS, hasFilters, type Filters } from "./CommissionFilters";
import { CommissionPanel } from "./CommissionPanel";
import { CommissionsEmpty } from "./CommissionsEmpty";
import { CommissionsHeader } from "./CommissionsHeader";
import { CommissionsTable } from "./CommissionsTable";
import { FxPreviewDialog } from "./FxPreviewDialog";
import { keyAction, moveSelection } from "./keyboard";
import { monthRange, periodBounds, type Period } from "./period";
import { useEngineJobs } from "./useEngineJobs";
import "./commissions.css";

export const PAGE_SIZE = 100;

/** What another screen opens Commissions for: states, days ("YYYY-MM-DD", both included), a partner. */
export type CommissionsIntent = { states?: CommissionState[]; from?: string; to?: string; partner?: PartnerRef };

/** The filters an intent sets: a whole month shows as the month. */
export function intentFilters(intent: CommissionsIntent | undefined): Filters {
  if (!intent) return EMPTY_FILTERS;
  const from = intent.from ?? "";
  const to = intent.to ?? "";
  const month = from.slice(0, 7);
  const whole = monthRange(month);
  const period: Period =
    whole && whole.from === from && whole.to === to ? { mode: "month", month } : from || to ? { mode: "range", from, to } : EMPTY_FILTERS.period;
  return { ...EMPTY_FILTERS, states: intent.states ?? [], partner: intent.partner ?? null, period };
}

type Props = { baseCurrency: string; initial?: CommissionsIntent };

export function CommissionsScreen({ baseCurrency, initial }: Props) {
  const toast = useToast();
  const [filters, setFilters] = useState<Filters>(() => intentFilters(initial));
  const [offset, setOffset] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // The line the panel shows; kept when a reload drops it from the page.
  const [shown, setShown] = useState<Commission | null>(null);
  const [approving, setApproving] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);

  const bounds = periodBounds(filters.period);
  // While a period is being typed and is not a period yet, keep the last one.
  const lastGood = useRef({ from: bounds.from, to: bounds.to });
  if (!bounds.error) lastGood.current = { from: bounds.from, to: bounds.to };
  const { from, to } = lastGood.current;
  const query = useMemo<CommissionQuery>(
    () => ({ partner_id: filters.partner?.id ?? null, states: filters.states, held: filters.held, from, to, offset, limit: PAGE_SIZE }),
    [filters.partner, filters.states, filters.held, from, to, offset],
  );
  const key = JSON.stringify(query);
  const list = useFetched(key, () => commissionsApi.list(query));
  const page = list.data;
  const rows = useMemo(() => page?.rows ?? [], [page]);
  const showSpinner = useDelayed(page === null && list.loading, 300);
  const jobs = useEngineJobs(list.reload);

  // A reload brings the shown line's new state (declined, recomputed).
  useEffect(() => setShown((s) => (s ? (rows.find((r) => r.id === s.id) ?? s) : s)), [rows]);

  useEffect(() => {
    if (selectedId !== null) document.getElementById(`commission-${selectedId}`)?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);

  const changeFilters = (f: Filters) => {
    setFilters(f);
    setOffset(0);
    setSelectedId(null);
  };
  const changePage = (o: number) => {
    setOffset(o);
    setSelectedId(null);
  };

  const open = useCallback((c: Commission) => (setSelectedId(c.id), setShown(c)), []);
  const close = () => {
    setShown(null);
    tableRef.current?.focus({ preventScroll: true });
  };

  const onRowClick = (id: number) => {
    const row = rows.find((r) => r.id === id);
    if (row) open(row);
    tableRef.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const action = keyAction(e.key, { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey });
    if (!action) return;
    if (action === "close") {
      if (!shown) return;
      e.preventDefault();
      return close();
    }
    e.preventDefault();
    if (action === "open") {
      const row = rows.find((r) => r.id === selectedId);
      if (row) open(row);
      return;
    }
    const next = moveSelection(
      rows.map((r) => r.id),
      selectedId,
      action,
    );
    setSelectedId(next);
    const row = rows.find((r) => r.id === next);
    if (shown && row) setShown(row);
  };

  const declined = (c: Commission) => {
    setShown(c);
    toast.success(`Declined the ${c.partner_name} commission.`);
    list.reload();
  };

  const approved = (due: DueLines, asOf: string) => {
    setApproving(false);
    const day = formatDate(asOf);
    toast.success(due.count > 0 ? `Approved ${dueText(due)} due by ${day}.` : `No pending commission was due by ${day}.`);
    list.reload();
  };

  return (
    <div className="kscreen" data-testid="commissions-screen">
      <CommissionsHeader
        total={page?.total ?? null}
        sum={page?.sum ?? null}
        busy={jobs.job !== null}
        onApproveDue={() => setApproving(true)}
        onRecompute={() => void jobs.recompute()}
        onImportFx={() => void jobs.importFx()}
      />
      <CommissionFilters filters={filters} onChange={changeFilters} periodError={bounds.error} />
      {(bounds.error || list.error) && (
        <div className="kbanner">
          <Banner>
            {bounds.error ? `${bounds.error}.` : describeError(list.error!)}{" "}
            {!bounds.error && (
              <Button variant="link" size="sm" onClick={list.reload}>
                Try again
              </Button>
            )}
          </Banner>
        </div>
      )}
      <div className="kbody">
        <div className="kmain" aria-busy={list.loading || undefined}>
          {page === null ? (
            <div className="kcenter">{showSpinner && <Spinner size={20} label="Loading commissions" />}</div>
          ) : page.total === 0 ? (
            <CommissionsEmpty filtered={hasFilters(filters)} held={filters.held} baseCurrency={baseCurrency} onClear={() => changeFilters(EMPTY_FILTERS)} />
          ) : (
            <>
              <CommissionsTable rows={rows} selectedId={selectedId} onRowClick={onRowClick} onKeyDown={onKeyDown} tableRef={tableRef} compact={shown !== null} />
              <Pager offset={offset} pageSize={PAGE_SIZE} total={page.total} onOffset={changePage} testId="commissions-page" />
            </>
          )}
        </div>
        {shown && <CommissionPanel commission={shown} onClose={close} onDeclined={declined} />}
      </div>
      {approving && <ApproveDueDialog onClose={() => setApproving(false)} onApproved={approved} />}
      {jobs.fxPreview && <FxPreviewDialog preview={jobs.fxPreview} onImport={() => void jobs.confirmFx()} onClose={jobs.dismissFx} />}
      {jobs.job && (
        <JobStatus
          label={jobs.job.label}
          progress={jobs.job.progress}
          cancelling={jobs.job.cancelling}
          onCancel={jobs.cancel}
          testId="commissions-job"
        />
      )}
    </div>
  );
}
