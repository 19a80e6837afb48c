import { Lock } from "lucide-react";
import type { Group } from "../../bindings/Group";
import { plural } from "../../lib/format";
import "./GroupsPicker.css";

type Props = {
  groups: Group[];
  value: string[];
  /** Groups already on the plan: saving cannot take them off. */
  locked: string[];
  onChange: (names: string[]) => void;
};

/** The groups whose partners are on this plan (a group has one plan). */
export function GroupsPicker({ groups, value, locked, onChange }: Props) {
  if (groups.length === 0) {
    return <p className="pl-none">No groups yet. Create groups on the Partners screen, then put them on a plan here.</p>;
  }
  return (
    <div className="pl-groups" role="group" aria-label="Groups on this plan" data-testid="plan-groups">
      {groups.map((g) => {
        const isLocked = locked.includes(g.name);
        const checked = value.includes(g.name);
        return (
          <label
            key={g.id}
            className={checked ? "pl-group pl-group-on" : "pl-group"}
            title={isLocked ? "On this plan. To move it, put the group on another plan." : undefined}
          >
            <input
              type="checkbox"
              checked={checked}
              disabled={isLocked}
              onChange={(e) => onChange(e.target.checked ? [...value, g.name] : value.filter((n) => n !== g.name))}
            />
            <span className="pl-group-name">{g.name}</span>
            <span className="pl-group-count num">{plural(g.partner_count, "partner")}</span>
            {isLocked && <Lock size={12} aria-label="on this plan" />}
          </label>
        );
      })}
    </div>
  );
}
