import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { DecisionReport } from "../../bindings/DecisionReport";
import type { Group } from "../../bindings/Group";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { describeError, toAppError } from "../../lib/errors";
import { plural } from "../../lib/format";
import { applicationsApi } from "./api";

type Props = {
  ids: number[];
  /** The applicant's name when one is approved. */
  name: string | null;
  groups: Group[];
  initialGroupId: number | null;
  onClose: () => void;
  onApproved: (report: DecisionReport, ids: number[], groupId: number | null) => void;
};

/** Approve one or many: pick the group (focused, so Enter confirms at once), and an optional note. */
export function ApproveDialog({ ids, name, groups, initialGroupId, onClose, onApproved }: Props) {
  const [groupId, setGroupId] = useState<number | null>(groups.some((g) => g.id === initialGroupId) ? initialGroupId : null);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const subject = name ?? plural(ids.length, "application");

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    setSaving(true);
    setFailure(null);
    try {
      onApproved(await applicationsApi.approve(ids, groupId, reason.trim()), ids, groupId);
    } catch (err) {
      setFailure(describeError(toAppError(err), { reason: "Note", group_id: "Group" }));
      setSaving(false);
    }
  };

  // Enter on the group select confirms too (a select does not submit a form by itself).
  const onSelectKey = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Dialog
      title={`Approve ${subject}?`}
      description={
        ids.length === 1
          ? "They become an active partner with a referral code, and a welcome email is queued in the Outbox."
          : "Each becomes an active partner with a referral code, and a welcome email is queued in the Outbox for each."
      }
      onClose={() => !saving && onClose()}
      testId="application-approve-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button variant="primary" busy={saving} onClick={() => void submit()} data-testid="application-approve-confirm">
            {ids.length === 1 ? "Approve" : `Approve ${ids.length}`}
          </Button>
        </>
      }
    >
      <form className="ap-form" onSubmit={submit} noValidate>
        {failure && <Banner testId="application-approve-error">{failure}</Banner>}
        <Field label="Group" htmlFor="ap-approve-group" hint="The group decides the plan that pays them.">
          <select
            id="ap-approve-group"
            className="input"
            autoFocus
            value={groupId ?? ""}
            disabled={saving}
            onChange={(e) => setGroupId(e.target.value ? Number(e.target.value) : null)}
            onKeyDown={onSelectKey}
            data-testid="application-approve-group"
          >
            <option value="">No group</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note (optional)" htmlFor="ap-approve-reason" hint="Kept with the decision in the audit log.">
          <input
            id="ap-approve-reason"
            className="input"
            value={reason}
            disabled={saving}
            autoComplete="off"
            onChange={(e) => setReason(e.target.value)}
            data-testid="application-approve-reason"
          />
        </Field>
        <p className="ap-form-hint muted">
          <kbd>Enter</kbd> approves · <kbd>Esc</kbd> cancels
        </p>
      </form>
    </Dialog>
  );
}
