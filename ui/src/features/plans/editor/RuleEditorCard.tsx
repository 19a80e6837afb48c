import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button } from "../../../components/Button";
import { formToRule, RULE_KINDS, type RuleForm, type RuleKindName } from "../ruleForm";
import { ruleSummary } from "../ruleSummary";
import { ruleErrors, type Errors } from "../validate";
import { RuleKindFields } from "./RuleKindFields";
import { RuleScopeFields } from "./RuleScopeFields";
import "../rule.css";

type Props = {
  index: number;
  count: number;
  rule: RuleForm;
  currency: string;
  errors: Errors;
  onChange: (patch: Partial<RuleForm>) => void;
  onKind: (kind: RuleKindName) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** One rule in the editor: its kind, its fields, what it applies to. */
export function RuleEditorCard({ index, count, rule, currency, errors, onChange, onKind, onMove, onRemove }: Props) {
  const idBase = useId();
  // The sentence appears once the rule's own fields make sense.
  const preview = Object.keys(ruleErrors(rule, currency)).length === 0 ? ruleSummary(formToRule(rule), currency) : null;
  return (
    <section className="pl-rule pl-rule-edit" data-testid="rule-card" aria-label={`Rule ${index + 1}`}>
      <header className="pl-rule-edit-head">
        <span className="pl-rule-number num" aria-hidden>
          {index + 1}
        </span>
        <select
          className="input pl-rule-kind"
          aria-label={`Rule ${index + 1} kind`}
          data-testid="rule-kind"
          value={rule.kind}
          onChange={(e) => onKind(e.target.value as RuleKindName)}
        >
          {RULE_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        <input
          className="input input-sm pl-rule-id-input"
          aria-label={`Rule ${index + 1} id`}
          title="The rule's id: commissions record it"
          value={rule.id}
          spellCheck={false}
          aria-invalid={!!errors.id || undefined}
          data-testid="rule-id"
          onChange={(e) => onChange({ id: e.target.value })}
        />
        <div className="pl-rule-tools">
          <Button size="sm" variant="ghost" icon={<ArrowUp size={14} />} aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => onMove(-1)} />
          <Button
            size="sm"
            variant="ghost"
            icon={<ArrowDown size={14} />}
            aria-label={`Move rule ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={<Trash2 size={14} />}
            aria-label={`Remove rule ${index + 1}`}
            data-testid="rule-remove"
            disabled={count <= 1}
            onClick={onRemove}
          />
        </div>
      </header>
      {errors.id && <p className="field-error">{errors.id}</p>}
      <p className={preview ? "pl-rule-preview" : "pl-rule-preview pl-rule-preview-empty"} data-testid="rule-preview">
        {preview ?? "Fill in the fields to see the rule in words."}
      </p>
      <RuleKindFields idBase={idBase} rule={rule} currency={currency} errors={errors} onChange={onChange} />
      <RuleScopeFields idBase={idBase} rule={rule} errors={errors} onChange={onChange} />
    </section>
  );
}
