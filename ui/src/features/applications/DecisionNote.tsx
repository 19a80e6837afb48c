import type { Application } from "../../bindings/Application";
import { formatDate } from "../../lib/format";

/** How a decided application was decided: when, and why. */
export function DecisionNote({ a }: { a: Application }) {
  if (a.status === "pending") return null;
  const verb = a.status === "approved" ? "Approved" : "Rejected";
  return (
    <div className={`ap-decision ap-decision-${a.status}`} data-testid="application-decision">
      <strong>
        {verb}
        {a.decided_at && ` on ${formatDate(a.decided_at)}`}
      </strong>
      <span className="ap-decision-reason">{a.reason ? a.reason : <span className="muted">No reason given.</span>}</span>
    </div>
  );
}
