import type { Rule } from "../../../bindings/Rule";
import { defaultKinds, hasKinds, RULE_KINDS } from "../ruleForm";
import { KIND_LABELS, ruleScope, ruleSummary, tierModeHint } from "../ruleSummary";
import "../rule.css";

type Props = { rule: Rule; index: number; currency: string; partnerName: string | null };

/** One rule, read-only, in words. */
export function RuleView({ rule, index, currency, partnerName }: Props) {
  const kindLabel = RULE_KINDS.find((k) => k.value === rule.kind)?.label ?? rule.kind;
  const explicit = rule.applies_to && rule.applies_to.length > 0;
  const kinds = explicit ? rule.applies_to! : defaultKinds(rule.kind);
  const scope = ruleScope(rule, partnerName);
  const adds = !hasKinds(rule.kind);
  return (
    <article className="pl-rule" data-testid="rule-view" data-id={rule.id}>
      <div className="pl-rule-top">
        <span className="pl-rule-number num" aria-hidden>
          {index + 1}
        </span>
        <div className="pl-rule-main">
          <p className="pl-rule-sentence" data-testid="rule-summary">
            {ruleSummary(rule, currency)}
          </p>
          {rule.kind === "tiered" && <p className="pl-rule-detail">{tierModeHint(rule.mode)}</p>}
          {rule.description && <p className="pl-rule-detail">{rule.description}</p>}
        </div>
        <span className="pl-rule-kind-tag">{kindLabel}</span>
      </div>
      <div className="pl-rule-meta">
        {adds ? (
          <span className="pl-tag">Adds to the winning rule</span>
        ) : (
          <span className="pl-tag" title={explicit ? undefined : "The default for this kind of rule"}>
            {kinds.map((k) => KIND_LABELS[k]).join(" · ")}
            {!explicit && <span className="pl-tag-faint"> (default)</span>}
          </span>
        )}
        {scope.map((s) => (
          <span key={s} className="pl-tag pl-tag-scope">
            {s}
          </span>
        ))}
        <span className="pl-rule-id" title="The rule's id: commissions record it">
          {rule.id}
        </span>
      </div>
    </article>
  );
}
