import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Application } from "../../bindings/Application";
import type { DecisionReport } from "../../bindings/DecisionReport";
import { JobStatus } from "../../components/JobStatus";
import { Pager } from "../../components/Pager";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { isTypingTarget } from "../../lib/keys";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { moveSelection } from "../commissions/keyboard";
import { AddApplicationDialog } from "./AddApplicationDialog";
import { applicationsApi } from "./api";
import { ApplicationFilters } from "./ApplicationFilters";
import { ApplicationPanel } from "./ApplicationPanel";
import { ApplicationsEmpty } from "./ApplicationsEmpty";
import { ApplicationsHeader } from "./ApplicationsHeader";
import { ApplicationsTable } from "./ApplicationsTable";
import { ApproveDialog } from "./ApproveDialog";
import { BulkBar } from "./BulkBar";
import { nextAfterDecision, queueKeyAction } from "./keyboard";
import { KeyHints } from "./KeyHints";
import { addedText, decisionText, STATUS_LABELS } from "./labels";
import type { Outcome } from "./outcome";
import { OutcomeBanner } from "./OutcomeBanner";
import { DEFAULT_FILTERS, hasFilters, toQuery, type Filters, type StatusFilter } from "./query";
import { RejectDialog } from "./RejectDialog";
import { ScreeningSettingsDialog } from "./ScreeningSettingsDialog";
import { useApplicationJobs } from "./useApplicationJobs";
import { useStatusCounts } from "./useStatusCounts";
import "./applications.css";

export const PAGE_SIZE = 100;

type Deciding = { kind: "approve" | "reject"; ids: number[]; name: string | null };

/** What another screen opens Applications for: a status ("all" for every application). */
export type ApplicationsIntent = { status?: StatusFilter };

type Props = {
  /** Opens the Email screen, where queued welcome and rejection emails are sent. */
  onOpenEmail?: () => void;
  initial?: ApplicationsIntent;
};

/** The review queue: screened applications, best first, decided from the keyboard or in bulk. */
export function ApplicationsScreen({ onOpenEmail, initial }: Props) {
  const toast = useToast();
  const [filters, setFilters] = useState<Filters>(() => ({ ...DEFAULT_FILTERS, status: initial?.status ?? DEFAULT_FILTERS.status }));
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [checked, setChecked] = useState<Set<number>>(() => new Set());
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [adding, setAdding] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [lastGroupId, setLastGroupId] = useState<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const query = useMemo(() => toQuery(filters, offset, PAGE_SIZE), [filters, offset]);
  const list = useFetched(`${JSON.stringify(query)}:${version}`, () => applicationsApi.list(query));
  const page = list.data;
  const rows = useMemo(() => page?.rows ?? [], [page]);
  const counts = useStatusCounts(version);
  const groups = useFetched("groups", applicationsApi.groups);
  const showSpinner = useDelayed(page === null && list.loading, 300);
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const jobs = useApplicationJobs(setOutcome, changed);

  // Only pending applications on this page stay ticked.
  useEffect(() => {
    setChecked((c) => {
      const keep = new Set(rows.filter((r) => r.status === "pending" && c.has(r.id)).map((r) => r.id));
      return keep.size === c.size ? c : keep;
    });
  }, [rows]);

  useEffect(() => {
    if (selectedId !== null) document.getElementById(`application-${selectedId}`)?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId]);

  const changeFilters = (f: Filters) => {
    setFilters(f);
    setOffset(0);
    setSelectedId(null);
    setChecked(new Set());
  };
  const changePage = (o: number) => {
    setOffset(o);
    setSelectedId(null);
    setChecked(new Set());
  };

  const check = useCallback((id: number, on: boolean) => {
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const checkAll = (on: boolean) => setChecked(on ? new Set(rows.filter((r) => r.status === "pending").map((r) => r.id)) : new Set());

  const onRowClick = useCallback((id: number) => {
    setSelectedId(id);
    tableRef.current?.focus({ preventScroll: true });
  }, []);

  const close = () => {
    setSelectedId(null);
    tableRef.current?.focus({ preventScroll: true });
  };

  /** Opens a decision on one application, when it is still pending. */
  const decideOne = (kind: Deciding["kind"], a: Application | null) => {
    if (!a) return;
    if (a.status !== "pending") {
      toast.show("info", `${a.name} is already ${STATUS_LABELS[a.status].toLowerCase()}.`);
      return;
    }
    setDeciding({ kind, ids: [a.id], name: a.name });
  };
  const decideTicked = (kind: Deciding["kind"]) => {
    const ids = rows.filter((r) => checked.has(r.id)).map((r) => r.id);
    if (ids.length === 0) return;
    const one = ids.length === 1 ? rows.find((r) => r.id === ids[0])! : null;
    setDeciding({ kind, ids, name: one?.name ?? null });
  };

  const decided = (kind: "approved" | "rejected", report: DecisionReport, ids: number[]) => {
    setDeciding(null);
    // On to the next application still to decide.
    if (selectedId !== null && ids.includes(selectedId)) {
      setSelectedId(
        filters.status === "pending"
          ? nextAfterDecision(
              rows.map((r) => r.id),
              selectedId,
              ids,
            )
          : selectedId,
      );
    }
    setChecked((c) => new Set([...c].filter((id) => !ids.includes(id))));
    setOutcome({ kind: "success", text: decisionText(kind, report), emails: report.emails_queued > 0, testId: "applications-decision" });
    changed();
  };

  // The queue's keys, from anywhere on the screen but a text field or a dialog.
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || isTypingTarget(e.target) || document.querySelector("[aria-modal='true']")) return;
    const action = queueKeyAction(e.key, { ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey });
    if (!action) return;
    switch (action) {
      case "close":
        if (selectedId === null) return;
        e.preventDefault();
        return close();
      case "approve":
      case "reject":
        // The selected application; with none selected, the ticked ones.
        if (!selected && checked.size === 0) return;
        e.preventDefault();
        return selected ? decideOne(action, selected) : decideTicked(action);
      case "check":
        if (!selected || selected.status !== "pending") return;
        e.preventDefault();
        return check(selected.id, !checked.has(selected.id));
      default:
        if (rows.length === 0) return;
        e.preventDefault();
        setSelectedId(
          moveSelection(
            rows.map((r) => r.id),
            selectedId,
            action,
          ),
        );
    }
  };
  const keyRef = useRef(onKey);
  keyRef.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const filtered = hasFilters(filters);

  return (
    <div className="screen ap-screen" data-testid="applications-screen">
      <ApplicationsHeader
        counts={counts}
        checkedCount={checked.size}
        busy={jobs.job !== null}
        onImport={() => void jobs.importFile()}
        onAdd={() => setAdding(true)}
        onScreen={() => void jobs.screen([...checked])}
        onSettings={() => setSettingsOpen(true)}
      />
      <ApplicationFilters filters={filters} counts={counts} onChange={changeFilters} />
      {(outcome || list.error || checked.size > 0) && (
        <div className="ap-notices">
          {outcome && <OutcomeBanner outcome={outcome} onDismiss={() => setOutcome(null)} onOpenEmail={onOpenEmail} />}
          {list.error && <RetryBanner error={list.error} onRetry={list.reload} />}
          {checked.size > 0 && (
            <BulkBar
              count={checked.size}
              onApprove={() => decideTicked("approve")}
              onReject={() => decideTicked("reject")}
              onClear={() => setChecked(new Set())}
            />
          )}
        </div>
      )}
      <div className="ap-body">
        <div className="ap-main" aria-busy={list.loading || undefined}>
          {page === null ? (
            <div className="ap-center">{showSpinner && <Spinner size={20} label="Loading applications" />}</div>
          ) : page.total === 0 ? (
            <ApplicationsEmpty
              status={filters.status}
              filtered={filtered}
              onClear={() => changeFilters({ ...DEFAULT_FILTERS, status: filters.status, sort: filters.sort })}
              onImport={() => void jobs.importFile()}
            />
          ) : (
            <>
              <ApplicationsTable
                rows={rows}
                selectedId={selectedId}
                checked={checked}
                compact={selected !== null}
                onRowClick={onRowClick}
                onCheck={check}
                onCheckAll={checkAll}
                tableRef={tableRef}
              />
              <div className="ap-foot">
                <KeyHints />
                <Pager offset={offset} pageSize={PAGE_SIZE} total={page.total} onOffset={changePage} testId="applications-page" />
              </div>
            </>
          )}
        </div>
        {selected && (
          <ApplicationPanel
            application={selected}
            onClose={close}
            onApprove={() => decideOne("approve", selected)}
            onReject={() => decideOne("reject", selected)}
          />
        )}
      </div>
      {deciding?.kind === "approve" && (
        <ApproveDialog
          ids={deciding.ids}
          name={deciding.name}
          groups={groups.data ?? []}
          initialGroupId={lastGroupId}
          onClose={() => setDeciding(null)}
          onApproved={(report, ids, groupId) => {
            setLastGroupId(groupId);
            decided("approved", report, ids);
          }}
        />
      )}
      {deciding?.kind === "reject" && (
        <RejectDialog ids={deciding.ids} name={deciding.name} onClose={() => setDeciding(null)} onRejected={(report, ids) => decided("rejected", report, ids)} />
      )}
      {adding && (
        <AddApplicationDialog
          onClose={() => setAdding(false)}
          onAdded={(report) => {
            setAdding(false);
            setOutcome({
              kind: "success",
              text: addedText(report),
              emails: report.auto_approved > 0,
              testId: "applications-add-result",
            });
            if (report.ids.length === 1) setSelectedId(report.ids[0]);
            changed();
          }}
        />
      )}
      {settingsOpen && (
        <ScreeningSettingsDialog
          groups={groups.data ?? []}
          onClose={() => setSettingsOpen(false)}
          onSaved={() => {
            setSettingsOpen(false);
            toast.success("Screening settings saved. Screen again to score pending applications with them.");
          }}
        />
      )}
      {jobs.job && (
        <JobStatus label={jobs.job.label} progress={jobs.job.progress} cancelling={jobs.job.cancelling} onCancel={jobs.cancel} testId="applications-job" />
      )}
    </div>
  );
}
