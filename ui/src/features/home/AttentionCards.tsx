import type { Attention } from "../../bindings/Attention";
import type { Money } from "../../bindings/Money";
import { RetryBanner } from "../../components/RetryBanner";
import type { AppError } from "../../lib/errors";
import { formatCount, formatDate, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import type { Navigate } from "../shell/navigation";
import { Pending, StatCard, ValueLine, type CardTone } from "./StatCard";

type Props = {
  /** null while it is being counted. */
  attention: Attention | null;
  error: AppError | null;
  onRetry: () => void;
  baseCurrency: string;
  onNavigate: Navigate;
};

/** Anything waiting for the manager. */
export function anythingWaiting(a: Attention): boolean {
  return (
    a.pending.some((m) => m.minor !== 0) ||
    a.approved.some((m) => m.minor !== 0) ||
    a.next_run.partners > 0 ||
    a.applications_waiting > 0 ||
    a.onboarding_stuck > 0 ||
    a.outbox_failed > 0 ||
    a.risk_holding > 0
  );
}

function MoneyValue({ list, baseCurrency, testId }: { list: Money[]; baseCurrency: string; testId: string }) {
  const shown = list.length > 0 ? list : [{ minor: 0, currency: baseCurrency }];
  return (
    <>
      {shown.map((m) => (
        <ValueLine key={m.currency} text={formatMoney(m)} testId={`${testId}-${m.currency}`} />
      ))}
    </>
  );
}

const some = (list: Money[]) => list.some((m) => m.minor !== 0);

/**
 * What needs the manager today, asked apart from the period's numbers
 * (it estimates a payout run): its cards show as "counting" until it comes.
 * Nothing waiting looks calm; something waiting draws the eye.
 */
export function AttentionCards({ attention: a, error, onRetry, baseCurrency, onNavigate }: Props) {
  // Without an answer: "counting" while asked, a dash after an error.
  const busy = a === null && error === null;
  const none = busy ? <Pending /> : <ValueLine text={"\u2014"} />;
  const tone = (waiting: boolean, when: CardTone): CardTone => (waiting ? when : "calm");
  const count = (n: number | undefined, testId: string) => (n === undefined ? none : <ValueLine text={formatCount(n)} testId={testId} />);
  const run = a?.next_run;

  return (
    <section className="home-attention" aria-label="Needs attention" aria-busy={busy || undefined} data-testid="home-attention" data-state={busy ? "loading" : "ready"}>
      <h2 className="home-section-title">Needs attention</h2>
      {error && <RetryBanner error={error} onRetry={onRetry} />}
      <div className="home-cards home-cards-attention">
        <StatCard
          testId="home-card-pending"
          label="Commissions pending"
          tone={tone(!!a && some(a.pending), "info")}
          busy={busy}
          title="Lines waiting for their hold to pass or for approval. Opens them."
          onOpen={() => onNavigate("commissions", { states: ["pending"] })}
        >
          {a ? <MoneyValue list={a.pending} baseCurrency={baseCurrency} testId="home-pending" /> : none}
        </StatCard>
        <StatCard
          testId="home-card-approved"
          label="Approved, not yet paid"
          tone={tone(!!a && some(a.approved), "info")}
          busy={busy}
          title="Approved lines not yet in a payout run. Opens them."
          onOpen={() => onNavigate("commissions", { states: ["approved"] })}
        >
          {a ? <MoneyValue list={a.approved} baseCurrency={baseCurrency} testId="home-approved" /> : none}
        </StatCard>
        <StatCard
          testId="home-card-next-run"
          label="Next payout run"
          tone={tone(!!run && run.paid > 0, "info")}
          busy={busy}
          sub={
            run && (
              <span data-testid="home-next-run-who">
                {plural(run.paid, "partner")} would be paid{run.partners > run.paid ? `; ${formatCount(run.partners - run.paid)} held` : ""}
              </span>
            )
          }
          foot={run ? `if run through ${formatDate(run.through)}` : undefined}
          title="An estimate of a run made today. Opens Payouts to make it."
          onOpen={() => onNavigate("payouts", { newRun: true })}
        >
          {run ? <ValueLine text={formatMoney(run.total)} testId="home-next-run-total" /> : none}
        </StatCard>
        <StatCard
          testId="home-card-applications"
          label="Applications waiting"
          tone={tone(!!a && a.applications_waiting > 0, "warn")}
          busy={busy}
          title="Applications not decided yet. Opens the review queue."
          onOpen={() => onNavigate("applications", { status: "pending" })}
        >
          {count(a?.applications_waiting, "home-applications-count")}
        </StatCard>
        <StatCard
          testId="home-card-onboarding"
          label="Onboarding stuck"
          tone={tone(!!a && a.onboarding_stuck > 0, "warn")}
          busy={busy}
          sub={a ? `on a step for ${a.stuck_days} days or more` : undefined}
          title="Approved partners whose checklist has not moved for a while. Opens Onboarding."
          onOpen={() => onNavigate("onboarding")}
        >
          {count(a?.onboarding_stuck, "home-onboarding-count")}
        </StatCard>
        <StatCard
          testId="home-card-email"
          label="Email failures"
          tone={tone(!!a && a.outbox_failed > 0, "alert")}
          busy={busy}
          title="Emails that failed, or whose fate is unknown after a crash. Opens the outbox."
          onOpen={() => onNavigate("email", { outbox: "failed" })}
        >
          {count(a?.outbox_failed, "home-email-count")}
        </StatCard>
        <StatCard
          testId="home-card-risk"
          label="Risk flags holding money"
          tone={tone(!!a && a.risk_holding > 0, "alert")}
          busy={busy}
          title="Open risk flags that hold commissions. Opens Risk."
          onOpen={() => onNavigate("risk")}
        >
          {count(a?.risk_holding, "home-risk-count")}
        </StatCard>
      </div>
    </section>
  );
}
