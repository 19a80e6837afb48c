import type { Partner } from "../../../bindings/Partner";
import { PlanControl } from "./PlanControl";
import { RecentCommissions } from "./RecentCommissions";
import "./Earnings.css";

type Props = { partner: Partner; onPlanChanged: (p: Partner) => void };

/** What the partner earns: the plan that pays them and their latest commission lines. */
export function EarningsTab({ partner, onPlanChanged }: Props) {
  return (
    <div className="panel-body" role="tabpanel">
      <PlanControl partner={partner} onChanged={onPlanChanged} />
      <RecentCommissions partnerId={partner.id} />
    </div>
  );
}
