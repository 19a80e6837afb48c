import type { Plan } from "../../bindings/Plan";
import { cx } from "../../lib/cx";
import { formatDate, plural } from "../../lib/format";
import { versionInForce } from "./dates";
import { DefaultPill } from "./view/PlanDefault";

type Props = { plans: Plan[]; selectedId: number | null; today: string; onSelect: (id: number) => void };

/** "v3 from Jun 1, 2026", or when nothing is in force yet, when the first starts. */
export function currentVersionText(plan: Plan, today: string): string {
  const v = versionInForce(plan.versions, today);
  if (v) return `v${v.version} from ${formatDate(v.effective_from)}`;
  const first = plan.versions[0];
  return first ? `v${first.version} starts ${formatDate(first.effective_from)}` : "No versions";
}

/** Every plan in the book, one line each. */
export function PlanList({ plans, selectedId, today, onSelect }: Props) {
  return (
    <ul className="pl-list" aria-label="Plans">
      {plans.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            className={cx("pl-item", p.id === selectedId && "pl-item-selected")}
            aria-current={p.id === selectedId || undefined}
            data-testid="plan-item"
            data-id={p.id}
            onClick={() => onSelect(p.id)}
          >
            <span className="pl-item-top">
              <span className="pl-item-name">{p.name}</span>
              {p.is_default && <DefaultPill />}
              <span className="pl-item-count num">{plural(p.partners_on_plan, "partner")}</span>
            </span>
            <span className="pl-item-version">{currentVersionText(p, today)}</span>
            <span className="pl-item-groups">{p.groups.length ? p.groups.join(", ") : "No groups"}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
