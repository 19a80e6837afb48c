import { Lock, Pencil, Plus } from "lucide-react";
import type { Group } from "../../../bindings/Group";
import type { Plan } from "../../../bindings/Plan";
import { Button } from "../../../components/Button";
import { formatDate, plural } from "../../../lib/format";
import { versionInForce } from "../dates";
import { usePartnerNames } from "../usePartnerNames";
import { DEFAULT_PLAN_NOTE, DefaultPill, MakeDefaultButton } from "./PlanDefault";
import { PlanGroups } from "./PlanGroups";
import { RuleView } from "./RuleView";
import { VersionTimeline } from "./VersionTimeline";
import "./view.css";

type Props = {
  plan: Plan;
  groups: Group[];
  today: string;
  selectedVersionId: number | null;
  currency: string;
  onSelectVersion: (id: number) => void;
  onNewVersion: () => void;
  onEdit: (versionId: number) => void;
  onPlanSaved: (plan: Plan) => void;
  /** Every plan, as the core answers once the default moved. */
  onPlansChanged: (plans: Plan[]) => void;
};

/** The selected plan: its groups, its versions, and one version's rules in words. */
export function PlanDetail({
  plan,
  groups,
  today,
  selectedVersionId,
  currency,
  onSelectVersion,
  onNewVersion,
  onEdit,
  onPlanSaved,
  onPlansChanged,
}: Props) {
  const inForce = versionInForce(plan.versions, today);
  const version = plan.versions.find((v) => v.id === selectedVersionId) ?? inForce ?? plan.versions[plan.versions.length - 1] ?? null;
  const names = usePartnerNames((version?.rules ?? []).flatMap((r) => (r.partner ? [r.partner] : [])));
  const next = version ? plan.versions.find((v) => v.effective_from > version.effective_from) : undefined;

  return (
    <div className="pl-detail" data-testid="plan-detail">
      <header className="pl-detail-head">
        <div className="pl-detail-title">
          <h2>{plan.name}</h2>
          {plan.is_default && <DefaultPill />}
          <span className="muted num">{plural(plan.partners_on_plan, "partner")} on this plan</span>
          {!plan.is_default && <MakeDefaultButton plan={plan} onChanged={onPlansChanged} />}
        </div>
        {plan.is_default && (
          <p className="pl-default-note" data-testid="plan-default-note">
            {DEFAULT_PLAN_NOTE}
          </p>
        )}
        <p className={plan.description ? "pl-detail-description" : "pl-detail-description muted"}>
          {plan.description || "No description."}
        </p>
        <div className="pl-detail-groups">
          <span className="pl-label">Groups</span>
          <PlanGroups plan={plan} groups={groups} onSaved={onPlanSaved} />
        </div>
      </header>

      <div className="pl-detail-body">
        <aside className="pl-versions">
          <div className="pl-versions-head">
            <span className="pl-label">Versions</span>
            <Button size="sm" icon={<Plus size={14} />} onClick={onNewVersion} data-testid="plan-version-new">
              New version
            </Button>
          </div>
          <VersionTimeline
            versions={plan.versions}
            inForceId={inForce?.id ?? null}
            today={today}
            selectedId={version?.id ?? null}
            onSelect={onSelectVersion}
          />
        </aside>

        {version && (
          <section className="pl-version-rules" aria-label={`Rules of v${version.version}`}>
            <div className="pl-version-rules-head">
              <div>
                <h3>
                  v{version.version} from {formatDate(version.effective_from)}
                </h3>
                <p className="muted">
                  {version.effective_from > today
                    ? `Starts ${formatDate(version.effective_from)}.`
                    : next
                      ? `Used for conversions until ${formatDate(next.effective_from)}, when v${next.version} takes over.`
                      : "Used for every conversion from that day on."}
                </p>
              </div>
              {version.used ? (
                <span className="pl-locked" title="Its rules produced commissions, so they stay as they are. Make a new version to change them from a later date.">
                  <Lock size={13} aria-hidden /> Used — read-only
                </span>
              ) : (
                <Button size="sm" icon={<Pencil size={14} />} onClick={() => onEdit(version.id)} data-testid="plan-version-edit">
                  Edit
                </Button>
              )}
            </div>
            <div className="pl-rules">
              {version.rules.map((r, i) => (
                <RuleView key={r.id} rule={r} index={i} currency={currency} partnerName={r.partner ? names[r.partner] ?? null : null} />
              ))}
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
