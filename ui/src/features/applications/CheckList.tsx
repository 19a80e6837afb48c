import { AlertCircle, AlertTriangle, CircleCheck } from "lucide-react";
import type { CheckResult } from "../../bindings/CheckResult";
import type { CheckSeverity } from "../../bindings/CheckSeverity";
import { groupChecks, SEVERITY_LABELS } from "./labels";

const ICONS = { red: AlertCircle, amber: AlertTriangle, pass: CircleCheck };

/** Every check, red first, each with what screening found. */
export function CheckList({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0) {
    return <p className="muted">Not screened yet: use Screen again to run the checks.</p>;
  }
  return (
    <div className="ap-checks">
      {groupChecks(checks).map((g) => (
        <CheckGroup key={g.severity} severity={g.severity} checks={g.checks} />
      ))}
    </div>
  );
}

function CheckGroup({ severity, checks }: { severity: CheckSeverity; checks: CheckResult[] }) {
  const Icon = ICONS[severity];
  return (
    <section className={`ap-check-group ap-check-${severity}`} aria-label={SEVERITY_LABELS[severity]} data-testid={`application-checks-${severity}`}>
      <h4>
        {SEVERITY_LABELS[severity]} <span className="num muted">{checks.length}</span>
      </h4>
      <ul>
        {checks.map((c) => (
          <li key={c.check} data-testid="application-check-result" data-check={c.check}>
            <Icon size={14} aria-hidden className="ap-check-icon" />
            <div className="ap-check-text">
              <span className="ap-check-label">{c.label}</span>
              {c.evidence && <span className="ap-check-evidence">{c.evidence}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
