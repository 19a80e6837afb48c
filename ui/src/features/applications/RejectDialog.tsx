import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { DecisionReport } from "../../bindings/DecisionReport";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { describeError, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";
import { isTypingTarget } from "../../lib/keys";
import { useFetched } from "../../lib/useFetched";
import { applicationsApi } from "./api";

type Props = {
  ids: number[];
  /** The applicant's name when one is rejected. */
  name: string | null;
  onClose: () => void;
  onRejected: (report: DecisionReport, ids: number[]) => void;
};

const OTHER = -1;

/** Reject one or many, always with a reason: one of the usual ones (1–9 picks it) or your own words. */
export function RejectDialog({ ids, name, onClose, onRejected }: Props) {
  const reasons = useFetched("rejection-reasons", applicationsApi.rejectionReasons);
  const list = reasons.data ?? [];
  const [choice, setChoice] = useState<number | null>(null);
  const [other, setOther] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const subject = name ?? plural(ids.length, "application");

  const reason = choice === OTHER ? other.trim() : choice !== null ? (list[choice] ?? "") : "";

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    if (!reason) {
      setError(choice === OTHER ? "Write the reason: it goes into the rejection email." : "Choose a reason, or write your own.");
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onRejected(await applicationsApi.reject(ids, reason), ids);
    } catch (err) {
      setFailure(describeError(toAppError(err), { reason: "Reason" }));
      setSaving(false);
    }
  };

  const pick = (i: number) => {
    setChoice(i);
    setError(null);
  };

  // 1–9 pick a reason; Enter confirms from anywhere but the text box's new lines.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && !(e.target instanceof HTMLButtonElement) && !(e.target instanceof HTMLTextAreaElement && e.shiftKey)) {
      e.preventDefault();
      void submit();
      return;
    }
    if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= list.length) {
      e.preventDefault();
      pick(n - 1);
    }
  };

  return (
    <Dialog
      title={`Reject ${subject}?`}
      description="The reason goes into the rejection email queued in the Outbox, and into the audit log."
      onClose={() => !saving && onClose()}
      testId="application-reject-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button variant="danger" busy={saving} onClick={() => void submit()} data-testid="application-reject-confirm">
            {ids.length === 1 ? "Reject" : `Reject ${ids.length}`}
          </Button>
        </>
      }
    >
      <form className="ap-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        {failure && <Banner testId="application-reject-error">{failure}</Banner>}
        {reasons.error && <Banner kind="warning">Could not read the usual reasons: {describeError(reasons.error)} Write your own below.</Banner>}
        <fieldset className="ap-reasons" aria-invalid={error ? true : undefined}>
          <legend className="field-label">Reason</legend>
          {list.map((r, i) => (
            <label key={r} className={choice === i ? "ap-reason ap-reason-on" : "ap-reason"}>
              <input
                type="radio"
                name="ap-reject-reason"
                checked={choice === i}
                autoFocus={i === 0}
                disabled={saving}
                onChange={() => pick(i)}
                data-testid="application-reject-reason"
              />
              <span className="ap-reason-text">{r}</span>
              {i < 9 && <kbd aria-hidden>{i + 1}</kbd>}
            </label>
          ))}
          <label className={choice === OTHER ? "ap-reason ap-reason-on" : "ap-reason"}>
            <input
              type="radio"
              name="ap-reject-reason"
              checked={choice === OTHER}
              autoFocus={list.length === 0}
              disabled={saving}
              onChange={() => pick(OTHER)}
              data-testid="application-reject-other"
            />
            <span className="ap-reason-text">Another reason</span>
          </label>
          {choice === OTHER && (
            <textarea
              className="input ap-reason-other"
              rows={2}
              autoFocus
              aria-label="Your reason"
              placeholder="In a sentence the applicant will read"
              value={other}
              disabled={saving}
              aria-invalid={error ? true : undefined}
              onChange={(e) => (setOther(e.target.value), setError(null))}
              data-testid="application-reject-other-text"
            />
          )}
          {error && (
            <p className="field-error" role="alert" data-testid="application-reject-reason-error">
              {error}
            </p>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
