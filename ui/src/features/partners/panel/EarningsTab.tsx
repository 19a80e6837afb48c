import type { Partner } from "../../../bindings/Partner";
import { PayoutHoldSection } from "./PayoutHoldSection";
import { PlanControl } from "./PlanControl";
import { RecentCommissions } from "./RecentCommissions";
import { RiskFlagsSection } from "./RiskFlagsSection";
import { StatementAddress } from "./StatementAddress";
import "./Earnings.css";

type Props = { partner: Partner; onChanged: (p: Partner) => void };

/**
 * What the partner earns: the plan that pays them, open risk flags, whether
 * their payouts are held, who their statements are addressed to, their latest commission lines.
 */
export function EarningsTab({ partner, onChanged }: Props) {
  return (
    <div className="panel-body" role="tabpanel">
      <PlanControl partner={partner} onChanged={onChanged} />
      <RiskFlagsSection partnerId={partner.id} />
      <PayoutHoldSection partner={partner} onChanged={onChanged} />
      <StatementAddress partner={partner} />
      <RecentCommissions partnerId={partner.id} />
    </div>
  );
}
