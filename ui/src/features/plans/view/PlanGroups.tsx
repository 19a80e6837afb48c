import { useState } from "react";
import type { Group } from "../../../bindings/Group";
import type { Plan } from "../../../bindings/Plan";
import { Button } from "../../../components/Button";
import { Chip } from "../../../components/Chip";
import { useToast } from "../../../components/Toast";
import { plansApi } from "../api";
import { latestVersion } from "../dates";
import { GroupsPicker } from "../GroupsPicker";

type Props = { plan: Plan; groups: Group[]; onSaved: (plan: Plan) => void };

/** The plan's groups, with an in-place change that keeps every version as it is. */
export function PlanGroups({ plan, groups, onSaved }: Props) {
  const [editing, setEditing] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const toast = useToast();

  const save = async () => {
    const latest = latestVersion(plan.versions);
    if (!editing || !latest) return;
    setSaving(true);
    try {
      // The latest version goes back unchanged: the core keeps it as it is.
      const saved = await plansApi.save({
        name: plan.name,
        description: plan.description,
        groups: editing,
        versions: [{ effective_from: latest.effective_from, rules: latest.rules }],
      });
      setEditing(null);
      onSaved(saved);
      toast.success(`Groups of ${plan.name} saved.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    return (
      <div className="pl-groups-edit">
        <GroupsPicker groups={groups} value={editing} locked={plan.groups} onChange={setEditing} />
        <p className="pl-none">A group has one plan: ticking a group moves its partners to {plan.name}.</p>
        <div className="pl-row">
          <Button size="sm" variant="primary" busy={saving} onClick={save} data-testid="plan-groups-save">
            Save groups
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="pl-row pl-wrap">
      {plan.groups.length === 0 ? <span className="pl-none">No groups yet</span> : plan.groups.map((g) => <Chip key={g} label={g} />)}
      <Button size="sm" variant="link" onClick={() => setEditing([...plan.groups])} data-testid="plan-groups-change">
        {plan.groups.length === 0 ? "Add groups" : "Change"}
      </Button>
    </div>
  );
}
