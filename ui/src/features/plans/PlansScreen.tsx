import { Download, Plus, Scale, Upload } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Group } from "../../bindings/Group";
import type { Plan } from "../../bindings/Plan";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError, toAppError } from "../../lib/errors";
import { fileName, formatDate, plural } from "../../lib/format";
import { choosePlanExportPath, choosePlanToImport, exportFileName, plansApi } from "./api";
import { todayIso } from "./dates";
import { editVersionForm, newPlanForm, newVersionForm, type EditorForm } from "./editorForm";
import { PlanEditor } from "./editor/PlanEditor";
import { PlanList } from "./PlanList";
import { PlanDetail } from "./view/PlanDetail";
import "./plans.css";

type EditorState = { key: number; title: string; initial: EditorForm; isNewPlan: boolean; dateLocked: boolean };

export function PlansScreen({ baseCurrency }: { baseCurrency: string }) {
  const toast = useToast();
  const [today] = useState(() => todayIso());
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [groups, setGroups] = useState<Group[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [versionId, setVersionId] = useState<number | null>(null);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"import" | "export" | null>(null);
  const editorCount = useRef(0);

  const load = useCallback(async () => {
    try {
      const [list, groupList] = await Promise.all([plansApi.list(), plansApi.groups()]);
      setPlans(list);
      setGroups(groupList);
      setLoadError(null);
      setSelectedId((id) => (id !== null && list.some((p) => p.id === id) ? id : list[0]?.id ?? null));
      return list;
    } catch (e) {
      setLoadError(describeError(toAppError(e)));
      return null;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const selected = plans?.find((p) => p.id === selectedId) ?? null;

  const blocked = () => {
    if (!editor || !dirty) return false;
    toast.show("info", "Save or cancel the changes in the editor first.");
    return true;
  };

  const openEditor = (state: Omit<EditorState, "key">) => {
    setDirty(false);
    setEditor({ ...state, key: ++editorCount.current });
  };

  const select = (id: number) => {
    if (id === selectedId || blocked()) return;
    setEditor(null);
    setSelectedId(id);
    setVersionId(null);
  };

  const newPlan = () => {
    if (blocked()) return;
    openEditor({ title: "New plan", initial: newPlanForm(today), isNewPlan: true, dateLocked: false });
  };

  const newVersion = () => {
    if (!selected || blocked()) return;
    openEditor({ title: `New version of ${selected.name}`, initial: newVersionForm(selected, today), isNewPlan: false, dateLocked: false });
  };

  const edit = (id: number) => {
    const version = selected?.versions.find((v) => v.id === id);
    if (!selected || !version || version.used || blocked()) return;
    openEditor({
      title: `Edit v${version.version} of ${selected.name}`,
      initial: editVersionForm(selected, version),
      isNewPlan: false,
      dateLocked: true,
    });
  };

  /** Shows a plan the core just returned, on the version of `day` when given. */
  const showSaved = (plan: Plan, day?: string) => {
    setPlans((list) => {
      const rest = (list ?? []).filter((p) => p.id !== plan.id);
      return [...rest, plan].sort((a, b) => a.name.localeCompare(b.name));
    });
    setSelectedId(plan.id);
    setVersionId(day ? plan.versions.find((v) => v.effective_from === day)?.id ?? null : null);
    // Groups move between plans: refresh every plan's groups and counts.
    void load();
  };

  const onSaved = (plan: Plan, day: string) => {
    setEditor(null);
    setDirty(false);
    showSaved(plan, day);
    const v = plan.versions.find((x) => x.effective_from === day);
    toast.success(`Saved ${plan.name}${v ? ` v${v.version} (from ${formatDate(day)})` : ""}.`);
  };

  const importJson = async () => {
    if (blocked()) return;
    const path = await choosePlanToImport().catch((e) => (toast.error(e), null));
    if (!path) return;
    setBusy("import");
    try {
      const plan = await plansApi.importFile(path);
      setEditor(null);
      showSaved(plan);
      toast.success(`Imported ${plan.name} from ${fileName(path)}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(null);
    }
  };

  const exportJson = async () => {
    if (!selected) return;
    const path = await choosePlanExportPath(exportFileName(selected.name)).catch((e) => (toast.error(e), null));
    if (!path) return;
    setBusy("export");
    try {
      await plansApi.exportFile(String(selected.id), path);
      toast.success(`Exported ${selected.name} to ${fileName(path)}.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="plans" data-testid="plans-screen">
      <header className="plans-header">
        <div className="plans-title">
          <h1>Plans</h1>
          {plans && <span className="muted num">{plural(plans.length, "plan")}</span>}
        </div>
        <div className="plans-actions">
          <Button icon={<Upload size={15} />} onClick={importJson} busy={busy === "import"} data-testid="plan-import">
            Import JSON…
          </Button>
          <Button icon={<Download size={15} />} onClick={exportJson} busy={busy === "export"} disabled={!selected} data-testid="plan-export">
            Export JSON…
          </Button>
          <Button variant="primary" icon={<Plus size={15} />} onClick={newPlan} data-testid="plan-new">
            New plan
          </Button>
        </div>
      </header>
      {loadError && (
        <div className="plans-banner">
          <Banner>{loadError}</Banner>
        </div>
      )}
      <div className="plans-body">
        {plans === null ? (
          !loadError && (
            <div className="plans-loading">
              <Spinner label="Loading plans" />
            </div>
          )
        ) : (
          <>
            {plans.length > 0 && <PlanList plans={plans} selectedId={editor?.isNewPlan ? null : selectedId} today={today} onSelect={select} />}
            <main className="plans-main">
              {editor ? (
                <PlanEditor
                  key={editor.key}
                  title={editor.title}
                  initial={editor.initial}
                  isNewPlan={editor.isNewPlan}
                  dateLocked={editor.dateLocked}
                  groups={groups}
                  planNames={plans.map((p) => p.name)}
                  currency={baseCurrency}
                  onCancel={() => (setEditor(null), setDirty(false))}
                  onSaved={onSaved}
                  onDirtyChange={setDirty}
                />
              ) : selected ? (
                <PlanDetail
                  plan={selected}
                  groups={groups}
                  today={today}
                  selectedVersionId={versionId}
                  currency={baseCurrency}
                  onSelectVersion={setVersionId}
                  onNewVersion={newVersion}
                  onEdit={edit}
                  onPlanSaved={(p) => showSaved(p)}
                  onPlansChanged={setPlans}
                />
              ) : (
                <EmptyState
                  icon={<Scale size={20} />}
                  title="No plans yet"
                  actions={
                    <>
                      <Button onClick={importJson}>Import JSON…</Button>
                      <Button variant="primary" onClick={newPlan}>
                        New plan
                      </Button>
                    </>
                  }
                >
                  A plan says what partners earn: a percentage, a flat amount, tiers, recurring commissions, bonuses. Start with one
                  percentage rule and refine it later.
                </EmptyState>
              )}
            </main>
          </>
        )}
      </div>
    </div>
  );
}
