import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { Adjustment } from "../../bindings/Adjustment";
import type { AdjustmentKind } from "../../bindings/AdjustmentKind";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { PartnerSearchSelect, type PartnerRef } from "../../components/PartnerSearchSelect";
import { describeError, fieldError, sentence, toAppError } from "../../lib/errors";
import { EMPTY_ADJUSTMENT, toAdjustment, type AdjustmentErrors, type AdjustmentForm } from "./adjustmentForm";
import { payoutsApi } from "./api";
import { ADJUSTMENT_KIND_LABELS, ADJUSTMENT_KINDS } from "./labels";

type Props = { runId: number; baseCurrency: string; onAdded: (a: Adjustment, partner: PartnerRef) => void };

const LABELS: Record<string, string> = { amount: "Amount", reason: "Reason", kind: "Kind", partner_id: "Partner", partner: "Partner" };

/** A bonus, clawback or correction for one partner; their line is rebuilt at once. */
export function AddAdjustmentForm({ runId, baseCurrency, onAdded }: Props) {
  const [form, setForm] = useState<AdjustmentForm>(EMPTY_ADJUSTMENT);
  const [errors, setErrors] = useState<AdjustmentErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = <K extends keyof AdjustmentForm>(key: K, value: AdjustmentForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = toAdjustment(form);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    const { partnerId, amount, kind, reason } = checked.input;
    setSaving(true);
    try {
      const added = await payoutsApi.adjust(runId, partnerId, amount, kind, reason);
      onAdded(added, form.partner!);
      setForm(EMPTY_ADJUSTMENT);
      setErrors({});
    } catch (err) {
      const error = toAppError(err);
      const fe = fieldError(error);
      const field = fe?.field === "partner_id" ? "partner" : fe?.field;
      if (fe && (field === "amount" || field === "reason" || field === "kind" || field === "partner")) setErrors({ [field]: sentence(fe.message) });
      else setFailure(describeError(error, LABELS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="po-panel po-adjust-form" onSubmit={submit} noValidate aria-label="Add an adjustment">
      <h3>Add an adjustment</h3>
      {failure && <Banner>{failure}</Banner>}
      <div className="po-adjust-grid">
        <Field label="Partner" htmlFor="po-adjust-partner" error={errors.partner}>
          <PartnerSearchSelect
            id="po-adjust-partner"
            value={form.partner}
            onChange={(p) => update("partner", p)}
            placeholder="Search by name or email"
            clearLabel="Choose another partner"
            invalid={!!errors.partner}
            spellCheck={false}
            testId="payout-adjust-partner"
            chosenTestId="payout-adjust-partner-chosen"
          />
        </Field>
        <Field label={`Amount (${baseCurrency})`} htmlFor="po-adjust-amount" error={errors.amount} hint="Negative to take money back: -5.00">
          <input
            id="po-adjust-amount"
            className="input num"
            inputMode="decimal"
            placeholder="20.00"
            autoComplete="off"
            value={form.amount}
            aria-invalid={errors.amount ? true : undefined}
            onChange={(e) => update("amount", e.target.value)}
            data-testid="payout-adjust-amount"
          />
        </Field>
        <Field label="Kind" htmlFor="po-adjust-kind" error={errors.kind}>
          <select
            id="po-adjust-kind"
            className="input"
            value={form.kind}
            onChange={(e) => update("kind", e.target.value as AdjustmentKind | "")}
            data-testid="payout-adjust-kind"
          >
            <option value="">Automatic (bonus or clawback by sign)</option>
            {ADJUSTMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ADJUSTMENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Reason" htmlFor="po-adjust-reason" error={errors.reason} className="po-span-all" hint="Kept with the adjustment and shown in the audit log.">
          <input
            id="po-adjust-reason"
            className="input"
            value={form.reason}
            aria-invalid={errors.reason ? true : undefined}
            onChange={(e) => update("reason", e.target.value)}
            data-testid="payout-adjust-reason"
          />
        </Field>
      </div>
      <div className="po-form-actions">
        <Button type="submit" variant="primary" icon={<Plus size={15} />} busy={saving} data-testid="payout-adjust-add">
          Add adjustment
        </Button>
      </div>
    </form>
  );
}
