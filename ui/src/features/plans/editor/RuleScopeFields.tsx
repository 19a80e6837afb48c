import type { ConversionKind } from "../../../bindings/ConversionKind";
import { Field } from "../../../components/Field";
import { PartnerSearchSelect } from "../../../components/PartnerSearchSelect";
import { defaultKinds, hasKinds, type RuleForm } from "../ruleForm";
import { KIND_LABELS } from "../ruleSummary";
import type { Errors } from "../validate";
import "./scope.css";

/**
 * The kinds a rule can pay for: refunds and chargebacks only take back, and
 * a chargeback's reversal only gives back what its chargeback took.
 */
const PAYABLE: ConversionKind[] = ["sale", "recurring", "lead", "signup", "trial", "click"];

type Props = {
  idBase: string;
  rule: RuleForm;
  errors: Errors;
  onChange: (patch: Partial<RuleForm>) => void;
};

/** What a rule applies to: conversion kinds, one product, one partner; and its note. */
export function RuleScopeFields({ idBase, rule, errors, onChange }: Props) {
  const defaults = defaultKinds(rule.kind);
  const toggle = (kind: ConversionKind, on: boolean) => {
    const next = on ? [...rule.appliesTo, kind] : rule.appliesTo.filter((k) => k !== kind);
    onChange({ appliesTo: PAYABLE.filter((k) => next.includes(k)) });
  };
  return (
    <div className="pl-scope">
      {hasKinds(rule.kind) && (
        <Field
          label="Applies to"
          error={errors.applies_to}
          hint={
            rule.appliesTo.length === 0
              ? `None ticked: the default for this kind, ${defaults.map((k) => KIND_LABELS[k].toLowerCase()).join(" and ")}.`
              : "Only the ticked kinds."
          }
        >
          <div className="pl-kinds" role="group" aria-label="Applies to">
            {PAYABLE.map((k) => {
              const checked = rule.appliesTo.includes(k);
              const implied = rule.appliesTo.length === 0 && defaults.includes(k);
              return (
                <label key={k} className={implied ? "pl-kind pl-kind-default" : "pl-kind"}>
                  <input type="checkbox" checked={checked} onChange={(e) => toggle(k, e.target.checked)} />
                  {KIND_LABELS[k]}
                  {implied && <span className="pl-kind-note">default</span>}
                </label>
              );
            })}
          </div>
        </Field>
      )}
      <div className="pl-grid">
        <Field label="Only for product" htmlFor={`${idBase}-product`} hint="Optional: the product name or SKU as your conversions carry it.">
          <input
            id={`${idBase}-product`}
            className="input"
            value={rule.product}
            placeholder="Any product"
            spellCheck={false}
            data-testid="rule-product"
            onChange={(e) => onChange({ product: e.target.value })}
          />
        </Field>
        <Field label="Only for partner" htmlFor={`${idBase}-partner`} error={errors.partner} hint="Optional: a per-partner override.">
          <PartnerSearchSelect
            id={`${idBase}-partner`}
            value={rule.partner ? { id: rule.partner, name: rule.partnerName } : null}
            onChange={(p) => onChange({ partner: p ? String(p.id) : "", partnerName: p?.name ?? "" })}
            invalid={!!errors.partner}
            placeholder="Any partner — search to pick one"
            clearLabel="Any partner"
            testId="rule-partner"
          />
        </Field>
      </div>
      <Field label="Note" htmlFor={`${idBase}-description`}>
        <input
          id={`${idBase}-description`}
          className="input"
          value={rule.description}
          placeholder="Optional: why this rule exists"
          onChange={(e) => onChange({ description: e.target.value })}
        />
      </Field>
    </div>
  );
}
