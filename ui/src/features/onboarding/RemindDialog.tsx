import { useState, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { onboardingApi } from "./api";

type Props = { onClose: () => void; onQueued: (count: number, days: number) => void };

/** Queues a reminder email to every partner stuck for at least some days. Nothing is sent here. */
export function RemindDialog({ onClose, onQueued }: Props) {
  const [days, setDays] = useState("7");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const n = days.trim();
    if (!/^\d{1,4}$/.test(n)) {
      setError("A whole number of days, like 7.");
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onQueued(await onboardingApi.remind(Number(n)), Number(n));
    } catch (err) {
      setFailure(describeError(toAppError(err), { days: "Days" }));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title="Send reminders"
      description="A reminder email goes to each partner whose onboarding has waited this long, listing what is still missing. Partners reminded recently are skipped."
      onClose={() => !saving && onClose()}
      testId="onboarding-remind-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button variant="primary" busy={saving} onClick={() => void submit()} data-testid="onboarding-remind-confirm">
            Queue reminders
          </Button>
        </>
      }
    >
      <form className="ob-form" onSubmit={submit} noValidate>
        {failure && <Banner testId="onboarding-remind-error">{failure}</Banner>}
        <Field label="Waiting at least" htmlFor="ob-remind-days" error={error} hint="Days since they were approved.">
          <div className="ob-days">
            <input
              id="ob-remind-days"
              className="input num"
              inputMode="numeric"
              autoFocus
              value={days}
              disabled={saving}
              aria-invalid={error ? true : undefined}
              onChange={(e) => (setDays(e.target.value), setError(null))}
              data-testid="onboarding-remind-days"
            />
            <span className="muted">days</span>
          </div>
        </Field>
        <p className="muted">The reminders wait in the Outbox until you send them from Email.</p>
      </form>
    </Dialog>
  );
}
