import { Check, X } from "lucide-react";
import type { ReactNode } from "react";
import type { Application } from "../../bindings/Application";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { Spinner } from "../../components/Spinner";
import { describeError } from "../../lib/errors";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { AnswerList } from "./AnswerList";
import { applicationsApi } from "./api";
import { ApplicationFacts } from "./ApplicationFacts";
import { CheckList } from "./CheckList";
import { DecisionNote } from "./DecisionNote";
import { STATUS_LABELS, statusTone } from "./labels";
import { ScoreBadge } from "./ScoreBadge";
import { SubmissionHistory } from "./SubmissionHistory";

type Props = { application: Application; onClose: () => void; onApprove: () => void; onReject: () => void };

/**
 * One application in full: every field, the answers, the checks with their
 * evidence, every submission and the decision. Applicant text is untrusted:
 * it is only ever rendered as React text.
 */
export function ApplicationPanel({ application, onClose, onApprove, onReject }: Props) {
  // Asked again when the application changes (a merge, a screening, a decision).
  const detail = useFetched(`${application.id}:${application.updated_at}`, () => applicationsApi.get(application.id), { keepStale: false });
  const fresh = detail.data?.application.id === application.id ? detail.data.application : null;
  const a = fresh ?? application;
  const slow = useDelayed(detail.loading && detail.data === null);

  return (
    <aside className="side-panel ap-panel" data-testid="application-detail" aria-label="Application">
      <header className="side-panel-header ap-panel-header">
        <ScoreBadge score={a.score} large />
        <div className="side-panel-heading ap-panel-heading">
          <h2 data-testid="application-name">{a.name}</h2>
          <span className="ap-panel-sub">{a.email}</span>
        </div>
        <Pill tone={statusTone(a.status)} dot testId="application-status">
          {STATUS_LABELS[a.status]}
        </Pill>
        <Button variant="ghost" size="sm" icon={<X size={16} />} aria-label="Close panel" onClick={onClose} data-testid="application-close" />
      </header>
      <div className="side-panel-body ap-panel-body">
        <DecisionNote a={a} />
        <Section title="Checks">
          <CheckList checks={a.checks} />
        </Section>
        <Section title="Details">
          <ApplicationFacts a={a} />
        </Section>
        <Section title="How they will promote">
          {a.promotion ? <p className="ap-text" data-testid="application-promotion">{a.promotion}</p> : <p className="muted">Not given.</p>}
        </Section>
        <Section title="Answers">
          <AnswerList answers={a.answers} />
        </Section>
        <Section title={a.submissions > 1 ? `Submissions (${a.submissions})` : "Submission"}>
          {detail.error ? (
            <p className="muted">Could not read the submissions: {describeError(detail.error)}</p>
          ) : detail.data ? (
            <SubmissionHistory submissions={detail.data.submissions} />
          ) : (
            <div className="ap-loading">{slow && <Spinner size={16} label="Loading submissions" />}</div>
          )}
        </Section>
      </div>
      {a.status === "pending" && (
        <footer className="side-panel-footer ap-panel-footer">
          <Button variant="danger" icon={<X size={15} />} onClick={onReject} data-testid="application-reject">
            Reject…
          </Button>
          <Button variant="primary" icon={<Check size={15} />} onClick={onApprove} data-testid="application-approve">
            Approve…
          </Button>
        </footer>
      )}
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="ap-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}
