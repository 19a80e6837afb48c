import { X } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Group } from "../../../bindings/Group";
import type { Partner } from "../../../bindings/Partner";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Spinner } from "../../../components/Spinner";
import { focusFirstInvalid } from "../../../lib/focusInvalid";
import { formatDateTime } from "../../../lib/format";
import { useDelayed } from "../../../lib/useDelayed";
import { CodesSection } from "./CodesSection";
import { EarningsTab } from "./EarningsTab";
import { IdentitySection } from "./IdentitySection";
import { OrganizeSection } from "./OrganizeSection";
import { PayoutSection } from "./PayoutSection";
import { StatusControl } from "./StatusControl";
import { TabErrorBoundary } from "./TabErrorBoundary";
import { Timeline } from "./Timeline";
import { usePartnerEditor, type PanelTarget } from "./usePartnerEditor";
import "./PartnerPanel.css";

// The Performance tab brings the chart library: its own chunk, loaded the
// first time the tab is opened, so the Partners screen starts without it.
const PerformanceTab = lazy(() => import("./PerformanceTab"));

type Props = {
  target: PanelTarget;
  groups: Group[];
  tagSuggestions: string[];
  onGroupsChanged: (groups: Group[]) => void;
  baseCurrency: string;
  onSaved: (p: Partner, created: boolean) => void;
  onClose: () => void;
  onDirtyChange: (dirty: boolean) => void;
};

type Tab = "details" | "earnings" | "performance" | "timeline";

export function PartnerPanel(props: Props) {
  const { target, groups, tagSuggestions, onGroupsChanged, baseCurrency, onSaved, onClose, onDirtyChange } = props;
  const editor = usePartnerEditor(target, onSaved);
  const { partner, form, errors, banner, loading, saving, dirty } = editor;
  const [tab, setTab] = useState<Tab>("details");
  const isNew = target.mode === "new";
  const showSpinner = useDelayed(loading);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  useEffect(() => setTab("details"), [isNew]);

  // A refused save: show the field at fault, or the banner when none is named.
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!banner || !bodyRef.current) return;
    bodyRef.current.scrollTop = 0;
    focusFirstInvalid(bodyRef.current);
  }, [banner]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void editor.save();
  };

  const title = isNew ? "New partner" : partner?.name || "\u00a0";
  const section = { form, errors, update: editor.update };

  return (
    <aside
      className="panel"
      data-testid="partner-panel"
      aria-label={isNew ? "New partner" : `Partner ${partner?.name ?? ""}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !dirty && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        } else if (e.key === "s" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void editor.save();
        }
      }}
    >
      <header className="panel-header">
        <div className="panel-heading">
          <h2 className="panel-title" title={title}>
            {title}
          </h2>
          {!isNew && partner && <span className="panel-sub">{partner.email}</span>}
        </div>
        {!isNew && partner && <StatusControl partner={partner} onChanged={(p) => (editor.statusChanged(p), onSaved(p, false))} />}
        <Button variant="ghost" size="sm" icon={<X size={16} />} aria-label="Close panel" onClick={onClose} data-testid="panel-close" />
      </header>

      {!isNew && (
        <div className="panel-tabs" role="tablist" aria-label="Partner">
          <TabButton id="details" tab={tab} onSelect={setTab}>
            Details
          </TabButton>
          <TabButton id="earnings" tab={tab} onSelect={setTab}>
            Earnings
          </TabButton>
          <TabButton id="performance" tab={tab} onSelect={setTab}>
            Performance
          </TabButton>
          <TabButton id="timeline" tab={tab} onSelect={setTab}>
            Notes &amp; timeline
          </TabButton>
        </div>
      )}

      {tab === "earnings" && partner ? (
        <EarningsTab key={partner.id} partner={partner} onChanged={(p) => (editor.earningsChanged(p), onSaved(p, false))} />
      ) : tab === "performance" && partner ? (
        <TabErrorBoundary key={partner.id} what="the partner's performance">
          <Suspense
            fallback={
              <div className="panel-body" role="tabpanel">
                <div className="panel-loading">
                  <Spinner size={20} label="Opening" />
                </div>
              </div>
            }
          >
            <PerformanceTab partner={partner} />
          </Suspense>
        </TabErrorBoundary>
      ) : tab === "timeline" && partner ? (
        <div className="panel-body" role="tabpanel">
          <Timeline partnerId={partner.id} version={partner.updated_at} />
        </div>
      ) : (
        <form className="panel-form" onSubmit={submit} noValidate>
          <div className="panel-body" role={isNew ? undefined : "tabpanel"} ref={bodyRef}>
            {banner && (
              <Banner testId="form-error" onDismiss={() => editor.setBanner(null)}>
                {banner}
              </Banner>
            )}
            {loading ? (
              <div className="panel-loading">{showSpinner && <Spinner size={20} label="Loading partner" />}</div>
            ) : (
              <fieldset className="panel-fields" disabled={saving || (!isNew && !partner)}>
                <IdentitySection {...section} autoFocus={isNew} />
                <OrganizeSection
                  {...section}
                  groups={groups}
                  tagSuggestions={tagSuggestions}
                  onGroupsChanged={onGroupsChanged}
                  selfId={partner?.id ?? null}
                />
                <CodesSection {...section} />
                <PayoutSection {...section} baseCurrency={baseCurrency} termsAcceptedAt={partner?.terms_accepted_at ?? null} />
                {partner && (
                  <p className="panel-meta num">
                    Created {formatDateTime(partner.created_at)} · Updated {formatDateTime(partner.updated_at)}
                  </p>
                )}
              </fieldset>
            )}
          </div>
          <footer className="panel-footer">
            {dirty && <span className="panel-unsaved">Unsaved changes</span>}
            <Button onClick={isNew || !dirty ? onClose : editor.cancel} disabled={saving} data-testid="partner-cancel">
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={saving} disabled={loading || (!isNew && !dirty)} data-testid="partner-save">
              {isNew ? "Add partner" : "Save changes"}
            </Button>
          </footer>
        </form>
      )}
    </aside>
  );
}

function TabButton({ id, tab, onSelect, children }: { id: Tab; tab: Tab; onSelect: (t: Tab) => void; children: ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className={tab === id ? "panel-tab panel-tab-active" : "panel-tab"}
      onClick={() => onSelect(id)}
      data-testid={`tab-${id}`}
    >
      {children}
    </button>
  );
}
