import { AlertTriangle, Layers } from "lucide-react";
import { useState } from "react";
import type { Partner } from "../../../bindings/Partner";
import { Spinner } from "../../../components/Spinner";
import { useToast } from "../../../components/Toast";
import { describeError } from "../../../lib/errors";
import { useFetched } from "../../../lib/useFetched";
import { earningsApi } from "../api";
import { describePlanSource, planChangedMessage, planChoices, planSource } from "./planSource";

type Props = { partner: Partner; onChanged: (p: Partner) => void };

/** Which plan pays the partner, and a select that changes it at once (not part of Save). */
export function PlanControl({ partner, onChanged }: Props) {
  const toast = useToast();
  const plans = useFetched("plans", earningsApi.plans);
  const [busy, setBusy] = useState(false);
  const source = planSource(partner);
  const value = source.kind === "own" ? source.plan : "";

  const choose = async (next: string) => {
    if (next === value) return;
    setBusy(true);
    try {
      const updated = await earningsApi.setPlan(partner.id, next === "" ? null : next);
      onChanged(updated);
      toast.success(planChangedMessage(updated));
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="pf-section" aria-labelledby="earn-plan-title">
      <h3 id="earn-plan-title" className="pf-section-title">
        Commission plan
      </h3>
      <p className={source.kind === "none" ? "earn-plan earn-plan-none" : "earn-plan"} data-testid="partner-plan">
        {source.kind === "none" ? <AlertTriangle size={15} aria-hidden /> : <Layers size={15} aria-hidden />}
        <span>{describePlanSource(source)}</span>
      </p>
      <div className="earn-plan-change">
        <label className="earn-plan-label" htmlFor="earn-plan-select">
          Pay them by
        </label>
        <select
          id="earn-plan-select"
          className="input input-sm"
          value={value}
          disabled={busy}
          onChange={(e) => void choose(e.target.value)}
          data-testid="partner-plan-select"
        >
          {planChoices(partner, plans.data).map((c) => (
            <option key={c.value || "\u0000group"} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {busy && <Spinner size={14} label="Changing the plan" />}
      </div>
      {plans.error ? (
        <p className="field-error">Could not load the plans: {describeError(plans.error)}</p>
      ) : (
        <p className="field-hint">
          Applies at once, apart from Save changes, to conversions computed from now on; commissions already computed keep the plan that made them.
        </p>
      )}
    </section>
  );
}
