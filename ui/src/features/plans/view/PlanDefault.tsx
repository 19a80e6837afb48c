// The program's default plan pays partners with no plan of their own and
// none from their group, so no sale waits for want of a plan. Any plan can
// take that role; the core moves the partner counts with it.

import { Star } from "lucide-react";
import { useState } from "react";
import type { Plan } from "../../../bindings/Plan";
import { Button } from "../../../components/Button";
import { Pill } from "../../../components/Pill";
import { useToast } from "../../../components/Toast";
import { plansApi } from "../api";

export const DEFAULT_PLAN_NOTE = "Applies to partners with no plan of their own or from their group.";

export function DefaultPill() {
  return (
    <Pill tone="indigo" title={DEFAULT_PLAN_NOTE} testId="plan-default">
      Default
    </Pill>
  );
}

type Props = { plan: Plan; onChanged: (plans: Plan[]) => void };

/** "Make default", for a plan that is not; the core answers with every plan. */
export function MakeDefaultButton({ plan, onChanged }: Props) {
  const [saving, setSaving] = useState(false);
  const toast = useToast();

  const make = async () => {
    setSaving(true);
    try {
      onChanged(await plansApi.setDefault(String(plan.id)));
      // Held sales are completed by a run, not by the switch itself.
      toast.success(`${plan.name} is now the default plan. Recompute commissions to complete sales held for want of a plan.`);
    } catch (e) {
      toast.error(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Button
      size="sm"
      icon={<Star size={14} />}
      busy={saving}
      onClick={make}
      className="pl-make-default"
      title={`Make ${plan.name} the plan for partners with no plan of their own or from their group`}
      data-testid="plan-make-default"
    >
      Make default
    </Button>
  );
}
