import { FlaskConical } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import type { Plan } from "../../bindings/Plan";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ProgressBar } from "../../components/ProgressBar";
import { Spinner } from "../../components/Spinner";
import { describeError, toAppError } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { latestVersion, todayIso } from "../plans/dates";
import { whatifApi } from "./api";
import { lastMonth, periodLabel, recentPeriods } from "./period";
import { useWhatIfJob, type WhatIfState } from "./useWhatIfJob";
import { WhatIfForm } from "./WhatIfForm";
import { WhatIfResult } from "./WhatIfResult";
import "./whatif.css";

/** "What would last month have cost under other rules?" — recomputed beside the book, never written. */
export function WhatIfScreen(_props: { baseCurrency: string }) {
  const [now] = useState(() => new Date());
  const today = todayIso(now);
  const periods = useMemo(() => recentPeriods(now), [now]);
  const [period, setPeriod] = useState(() => lastMonth(now));
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [planId, setPlanId] = useState<number | null>(null);
  const [versionId, setVersionId] = useState<number | null>(null);
  const job = useWhatIfJob();

  useEffect(() => {
    whatifApi
      .plans()
      .then((list) => {
        setPlans(list);
        const first = list[0];
        if (first) {
          setPlanId(first.id);
          setVersionId(latestVersion(first.versions)?.id ?? null);
        }
      })
      .catch((e) => setLoadError(describeError(toAppError(e))));
  }, []);

  const choosePlan = (id: number) => {
    setPlanId(id);
    setVersionId(latestVersion(plans?.find((p) => p.id === id)?.versions ?? [])?.id ?? null);
  };

  const run = () => {
    if (versionId === null) return;
    void job.run({ period, plan: { from: "version", version_id: versionId } });
  };

  const running = job.state.phase === "running";

  return (
    <div className="whatif" data-testid="whatif-screen">
      <header className="whatif-header">
        <h1>What-if</h1>
        <p className="muted">What would a past month have cost under other rules? Recomputed beside the book — nothing is written.</p>
      </header>
      <div className="whatif-body">
        {loadError && <Banner>{loadError}</Banner>}
        {plans === null && !loadError && (
          <div className="whatif-loading">
            <Spinner label="Loading plans" />
          </div>
        )}
        {plans?.length === 0 && (
          <EmptyState icon={<FlaskConical size={20} />} title="No plans to try yet">
            Create a plan on the Plans screen. Then come back to see what a past month would have cost under any of its versions.
          </EmptyState>
        )}
        {plans && plans.length > 0 && (
          <>
            <WhatIfForm
              plans={plans}
              periods={periods}
              period={period}
              planId={planId}
              versionId={versionId}
              today={today}
              running={running}
              onPeriod={setPeriod}
              onPlan={choosePlan}
              onVersion={setVersionId}
              onRun={run}
            />
            <JobView state={job.state} period={period} onCancel={job.cancel} />
          </>
        )}
      </div>
    </div>
  );
}

function JobView({ state, period, onCancel }: { state: WhatIfState; period: string; onCancel: () => void }) {
  switch (state.phase) {
    case "idle":
      return (
        <p className="wi-idle">
          Pick a month and the rules to try, then run the what-if to compare {periodLabel(period)} with what the book holds.
        </p>
      );
    case "running": {
      const p = state.progress;
      return (
        <div className="wi-progress" data-testid="whatif-progress">
          <div className="wi-progress-text">
            <span>{state.cancelling ? "Cancelling…" : p?.step ? `Recomputing: ${p.step}` : "Recomputing…"}</span>
            {p && p.total > 0 && (
              <span className="num muted">
                {formatCount(p.done)} / {formatCount(p.total)}
              </span>
            )}
            <Button size="sm" variant="ghost" onClick={onCancel} disabled={state.cancelling} data-testid="whatif-cancel">
              Cancel
            </Button>
          </div>
          <ProgressBar done={p?.done ?? 0} total={p?.total ?? 0} label="What-if" />
        </div>
      );
    }
    case "failed":
      return state.error.code === "cancelled" ? (
        <Banner kind="info" testId="whatif-error">
          What-if cancelled. Nothing was written — a what-if never changes the book.
        </Banner>
      ) : (
        <Banner testId="whatif-error">{describeError(state.error)}</Banner>
      );
    case "done":
      return <WhatIfResult report={state.report} />;
  }
}
