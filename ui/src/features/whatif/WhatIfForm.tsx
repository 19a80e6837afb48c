import { Info, Play } from "lucide-react";
import type { Plan } from "../../bindings/Plan";
import { Button } from "../../components/Button";
import { MonthStepper } from "../../components/MonthStepper";
import { formatDate } from "../../lib/format";
import { versionInForce } from "../plans/dates";
import { periodDays, periodLabel } from "./period";

type Props = {
  plans: Plan[];
  periods: string[];
  period: string;
  planId: number | null;
  versionId: number | null;
  today: string;
  running: boolean;
  onPeriod: (period: string) => void;
  onPlan: (id: number) => void;
  onVersion: (id: number) => void;
  onRun: () => void;
};

/** What to try: a month, then a plan and one of its versions. */
export function WhatIfForm({ plans, periods, period, planId, versionId, today, running, onPeriod, onPlan, onVersion, onRun }: Props) {
  const plan = plans.find((p) => p.id === planId) ?? null;
  const version = plan?.versions.find((v) => v.id === versionId) ?? null;
  const [first, last] = periodDays(period);
  const sameAsActual =
    plan && version && versionInForce(plan.versions, first)?.id === version.id && versionInForce(plan.versions, last)?.id === version.id;

  return (
    <section className="wi-form" aria-label="What to try">
      <div className="wi-fields">
        <div className="wi-field" role="group" aria-labelledby="wi-month-label">
          <span className="wi-field-label" id="wi-month-label">
            Month
          </span>
          <span className="wi-period">
            <MonthStepper period={period} periods={periods} onPeriod={onPeriod} label={periodLabel} disabled={running} testId="whatif-period" />
          </span>
        </div>
        <label className="wi-field wi-field-grow">
          <span className="wi-field-label">Plan</span>
          <select className="input" value={planId ?? ""} disabled={running} data-testid="whatif-plan" onChange={(e) => onPlan(Number(e.target.value))}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="wi-field wi-field-grow">
          <span className="wi-field-label">Rules of version</span>
          <select
            className="input"
            value={versionId ?? ""}
            disabled={running || !plan}
            data-testid="whatif-version"
            onChange={(e) => onVersion(Number(e.target.value))}
          >
            {[...(plan?.versions ?? [])].reverse().map((v) => (
              <option key={v.id} value={v.id}>
                v{v.version} from {formatDate(v.effective_from)}
                {v.effective_from > today ? " · scheduled" : v.id === versionInForce(plan!.versions, today)?.id ? " · in force" : ""}
              </option>
            ))}
          </select>
        </label>
        <Button variant="primary" icon={<Play size={14} />} busy={running} disabled={!version} onClick={onRun} data-testid="whatif-run">
          Run what-if
        </Button>
      </div>
      {plan && version && (
        <p className="wi-note">
          <Info size={14} aria-hidden />
          <span>
            {plan.name}'s partners are recomputed for all of {periodLabel(period)} with the rules of v{version.version}; everyone else keeps
            their own plan. Nothing is written.
            {sameAsActual && ` v${version.version} was already in force all that month, so expect the totals to match.`}
          </span>
        </p>
      )}
      <p className="wi-note wi-note-faint">
        To try rules the book does not have yet, add them in Plans as a new version dated in the future. It changes nothing before its
        date, stays editable until it is used, and can be picked here.
      </p>
    </section>
  );
}
