import { CircleCheck, CircleX } from "lucide-react";
import type { StepState } from "../../bindings/StepState";
import { cx } from "../../lib/cx";
import { STEP_LABELS } from "./labels";

/** The four steps, ✓ or ✗, each with what was recorded or what is missing. */
export function Checklist({ steps }: { steps: StepState[] }) {
  return (
    <ol className="ob-checklist" aria-label="Checklist">
      {steps.map((s) => (
        <li key={s.step} className={cx("ob-step", s.done ? "ob-step-done" : "ob-step-open")} data-testid="onboarding-step" data-step={s.step} data-done={s.done}>
          {s.done ? <CircleCheck size={16} aria-label="Done" /> : <CircleX size={16} aria-label="Missing" />}
          <span className="ob-step-text">
            <span className="ob-step-label">{STEP_LABELS[s.step]}</span>
            <span className="ob-step-detail">{s.detail}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
