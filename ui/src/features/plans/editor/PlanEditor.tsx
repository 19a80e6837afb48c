import { Info, Plus } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Group } from "../../../bindings/Group";
import type { Plan } from "../../../bindings/Plan";
import { Banner } from "../../../components/Banner";
import { Button } from "../../../components/Button";
import { Field } from "../../../components/Field";
import { describeError, toAppError } from "../../../lib/errors";
import { focusFirstInvalid } from "../../../lib/focusInvalid";
import { plansApi } from "../api";
import { formSnapshot, toPlanFile, type EditorForm } from "../editorForm";
import { GroupsPicker } from "../GroupsPicker";
import { describeServerError, errorsOfRule, serverErrorKey, validateEditor } from "../validate";
import { RuleEditorCard } from "./RuleEditorCard";
import { useEditorForm } from "./useEditorForm";
import "./editor.css";

export const PRECEDENCE_HELP =
  "Which rule pays: a rule for this partner and product, then this partner, then this product, then a recurring rule for a recurring payment, then any other rule for that kind. Ties go to the rule listed first. Two-tier and target bonus rules add to the winner.";

type Props = {
  title: string;
  initial: EditorForm;
  /** A new plan: the name can be typed. Otherwise it names the plan. */
  isNewPlan: boolean;
  /** Editing an existing version: its date stays. */
  dateLocked: boolean;
  groups: Group[];
  /** The names of the plans in the book, so a new plan does not take one. */
  planNames: string[];
  currency: string;
  onCancel: () => void;
  onSaved: (plan: Plan, effectiveFrom: string) => void;
  onDirtyChange: (dirty: boolean) => void;
};

/** The plan editor: the plan's fields and one version's rules. */
export function PlanEditor({ title, initial, isNewPlan, dateLocked, groups, planNames, currency, onCancel, onSaved, onDirtyChange }: Props) {
  const { form, errors, setErrors, setField, updateRule, changeKind, addRule, moveRule, removeRule } = useEditorForm(initial);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const initialSnapshot = useRef(formSnapshot(initial));

  const dirty = formSnapshot(form) !== initialSnapshot.current;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (refusals > 0 && !focusFirstInvalid(formRef.current)) formRef.current?.querySelector(".banner")?.scrollIntoView?.({ block: "nearest" });
  }, [refusals]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateEditor(form, currency, isNewPlan ? planNames : []);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setBanner(found.rules ?? "Some fields need a fix before saving; they are marked below.");
      setRefusals((n) => n + 1);
      return;
    }
    setBanner(null);
    setSaving(true);
    try {
      const plan = await plansApi.save(toPlanFile(form));
      onDirtyChange(false);
      onSaved(plan, form.effective_from);
    } catch (err) {
      const error = toAppError(err);
      // The rule's path is the error's field ("versions[0].rules[2] (tiers): tiers[1].rate").
      const path = error.field ? `${error.field}: ${error.message}` : null;
      const placed = path ? serverErrorKey(path) : null;
      if (placed) setErrors({ [placed.key]: placed.message });
      setBanner(path && placed ? describeServerError(path) : describeError(error));
      setRefusals((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="pl-editor" data-testid="plan-editor" onSubmit={submit} noValidate>
      <header className="pl-editor-head">
        <div>
          <h2>{title}</h2>
          <p className="muted">Saving writes this version only; versions that produced commissions never change.</p>
        </div>
      </header>
      <div className="pl-editor-body">
        {banner && (
          <Banner testId="plan-error" onDismiss={() => setBanner(null)}>
            {banner}
          </Banner>
        )}
        <section className="pl-section">
          <h3 className="pl-section-title">Plan</h3>
          <div className="pl-grid">
            <Field label="Name" htmlFor="pl-name" error={errors.name} hint={isNewPlan ? undefined : "The name identifies the plan."}>
              <input
                id="pl-name"
                className="input"
                value={form.name}
                readOnly={!isNewPlan}
                autoFocus={isNewPlan}
                placeholder="e.g. Standard"
                aria-invalid={!!errors.name || undefined}
                data-testid="plan-name"
                onChange={(e) => setField("name", e.target.value)}
              />
            </Field>
            <Field
              label="Effective from"
              htmlFor="pl-effective-from"
              error={errors.effective_from}
              hint={dateLocked ? "To use another date, make a new version." : "Conversions on or after this day use these rules."}
            >
              <input
                id="pl-effective-from"
                className="input num"
                type="date"
                value={form.effective_from}
                readOnly={dateLocked}
                aria-invalid={!!errors.effective_from || undefined}
                data-testid="plan-effective-from"
                onChange={(e) => setField("effective_from", e.target.value)}
              />
            </Field>
          </div>
          <Field label="Description" htmlFor="pl-description">
            <textarea
              id="pl-description"
              className="input"
              rows={2}
              value={form.description}
              placeholder="Who this plan is for, in a sentence"
              onChange={(e) => setField("description", e.target.value)}
            />
          </Field>
          <Field label="Groups on this plan" error={errors.groups} hint="Partners in these groups are paid by this plan. A group has one plan: ticking one moves it here.">
            <GroupsPicker groups={groups} value={form.groups} locked={initial.groups} onChange={(g) => setField("groups", g)} />
          </Field>
        </section>

        <section className="pl-section">
          <h3 className="pl-section-title">Rules</h3>
          <p className="pl-help">
            <Info size={14} aria-hidden />
            <span>{PRECEDENCE_HELP}</span>
          </p>
          {form.rules.map((rule, i) => (
            <RuleEditorCard
              key={rule.key}
              index={i}
              count={form.rules.length}
              rule={rule}
              currency={currency}
              errors={errorsOfRule(errors, i)}
              onChange={(patch) => updateRule(i, patch)}
              onKind={(kind) => changeKind(i, kind)}
              onMove={(delta) => moveRule(i, delta)}
              onRemove={() => removeRule(i)}
            />
          ))}
          <div>
            <Button icon={<Plus size={15} />} onClick={addRule} data-testid="rule-add">
              Add rule
            </Button>
          </div>
        </section>
      </div>
      <footer className="pl-editor-foot">
        {dirty && <span className="pl-unsaved">Unsaved changes</span>}
        <Button variant="ghost" onClick={onCancel} data-testid="plan-cancel">
          Cancel
        </Button>
        <Button variant="primary" type="submit" busy={saving} data-testid="plan-save">
          Save version
        </Button>
      </footer>
    </form>
  );
}
