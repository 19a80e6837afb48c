import type { Submission } from "../../bindings/Submission";
import { formatDateTime } from "../../lib/format";

/** Every time this applicant sent the form, oldest first. */
export function SubmissionHistory({ submissions }: { submissions: Submission[] }) {
  return (
    <ol className="ap-history" data-testid="application-history">
      {submissions.map((s, i) => (
        <li key={`${s.received_at}-${i}`} data-testid="application-submission">
          <span className="ap-history-when num">{formatDateTime(s.received_at)}</span>
          <span className="ap-history-source" title={s.source}>
            {s.source}
          </span>
          {(s.input.email || s.input.name) && (
            <span className="ap-history-who">
              {s.input.name}
              {s.input.email && ` · ${s.input.email}`}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
