/** The form's own questions and what the applicant answered, as plain text. */
export function AnswerList({ answers }: { answers: { [question: string]: string } }) {
  const entries = Object.entries(answers);
  if (entries.length === 0) return <p className="muted">No other questions were answered.</p>;
  return (
    <dl className="ap-answers">
      {entries.map(([question, answer]) => (
        <div key={question} className="ap-answer">
          <dt>{question}</dt>
          <dd data-testid="application-answer">{answer}</dd>
        </div>
      ))}
    </dl>
  );
}
