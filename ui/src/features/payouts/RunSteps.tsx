import { cx } from "../../lib/cx";
import { formatCount } from "../../lib/format";
import { STEP_LABELS, type Step } from "./labels";

type Props = {
  steps: Step[];
  current: Step;
  onStep: (step: Step) => void;
  /** A count shown beside a step's name (readiness: blockers). */
  badges?: Partial<Record<Step, { count: number; tone: "red" | "amber" }>>;
};

/** The run's steps across the top, numbered; any step can be opened. */
export function RunSteps({ steps, current, onStep, badges = {} }: Props) {
  const at = steps.indexOf(current);
  return (
    <nav className="po-steps" aria-label="Steps">
      <ol>
        {steps.map((s, i) => {
          const badge = badges[s];
          return (
            <li key={s}>
              <button
                type="button"
                className={cx("po-step", s === current && "po-step-on", i < at && "po-step-done")}
                aria-current={s === current ? "step" : undefined}
                onClick={() => onStep(s)}
                data-testid={`payout-step-${s}`}
              >
                <span className="po-step-number num" aria-hidden>
                  {i + 1}
                </span>
                {STEP_LABELS[s]}
                {badge && badge.count > 0 && <span className={`po-step-badge po-step-badge-${badge.tone} num`}>{formatCount(badge.count)}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
