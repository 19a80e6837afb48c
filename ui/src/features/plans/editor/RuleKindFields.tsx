import { Field } from "../../../components/Field";
import type { RuleForm } from "../ruleForm";
import { ancestorName, tierModeHint } from "../ruleSummary";
import type { Errors } from "../validate";
import { CountInput, MoneyInput, RateInput, Segmented } from "./inputs";
import { TierRows } from "./TierRows";

type Props = {
  idBase: string;
  rule: RuleForm;
  currency: string;
  errors: Errors;
  onChange: (patch: Partial<RuleForm>) => void;
};

/** The fields of one rule kind: rates, amounts, tiers, months, shares, targets. */
export function RuleKindFields({ idBase, rule, currency, errors, onChange }: Props) {
  const id = (f: string) => `${idBase}-${f}`;
  const rate = (label: string, hint?: string) => (
    <Field label={label} htmlFor={id("rate")} error={errors.rate} hint={hint}>
      <RateInput id={id("rate")} value={rule.rate} invalid={!!errors.rate} testId="rule-rate" onChange={(v) => onChange({ rate: v })} />
    </Field>
  );
  const amount = (label: string, hint?: string) => (
    <Field label={label} htmlFor={id("amount")} error={errors.amount} hint={hint}>
      <MoneyInput
        id={id("amount")}
        currency={currency}
        value={rule.amount}
        invalid={!!errors.amount}
        testId="rule-amount"
        onChange={(v) => onChange({ amount: v })}
      />
    </Field>
  );
  const measure = (
    <Segmented
      name={id("measure")}
      label="Measured by"
      value={rule.measure}
      options={[
        { value: "revenue", label: "Revenue" },
        { value: "count", label: "Number of sales" },
      ]}
      // The first tier always starts at 0, whatever it counts.
      onChange={(v) => onChange(rule.kind === "tiered" ? { measure: v, tiers: rule.tiers.map((t, j) => (j === 0 ? { ...t, from: "0" } : t)) } : { measure: v })}
    />
  );

  switch (rule.kind) {
    case "percentage":
      return <div className="pl-grid">{rate("Rate", "Of the amount of each conversion it pays for.")}</div>;
    case "flat":
      return <div className="pl-grid">{amount("Amount per conversion", "Click totals pay it once per click.")}</div>;
    case "hybrid":
      return (
        <div className="pl-grid">
          {amount("Flat amount")}
          {rate("Plus rate")}
        </div>
      );
    case "tiered":
      return (
        <div className="pl-stack">
          <div className="pl-grid">
            <Field label="How tiers pay" hint={tierModeHint(rule.tierMode)}>
              <Segmented
                name={id("mode")}
                label="How tiers pay"
                value={rule.tierMode}
                options={[
                  { value: "band", label: "Band" },
                  { value: "marginal", label: "Marginal" },
                ]}
                onChange={(v) => onChange({ tierMode: v })}
              />
            </Field>
            <Field label="Tiers count the partner's" hint="Over the calendar month.">
              {measure}
            </Field>
          </div>
          <TierRows idBase={idBase} tiers={rule.tiers} measure={rule.measure} currency={currency} errors={errors} onChange={(tiers) => onChange({ tiers })} />
        </div>
      );
    case "recurring":
      return (
        <div className="pl-stack">
          <div className="pl-grid">
            {rate("Rate", "Of each payment after the customer's first sale.")}
            <Field label="For" htmlFor={id("months")} error={errors.months}>
              <div className="pl-inline">
                <Segmented
                  name={id("length")}
                  label="How long"
                  value={rule.lifetime ? "lifetime" : "months"}
                  options={[
                    { value: "months", label: "Months" },
                    { value: "lifetime", label: "Lifetime" },
                  ]}
                  onChange={(v) => onChange({ lifetime: v === "lifetime", months: v === "months" && !rule.months ? "12" : rule.months })}
                />
                {!rule.lifetime && (
                  <CountInput id={id("months")} unit="months" value={rule.months} invalid={!!errors.months} testId="rule-months" onChange={(v) => onChange({ months: v })} />
                )}
              </div>
            </Field>
          </div>
          <label className="pl-check">
            <input type="checkbox" checked={rule.stepDown} data-testid="rule-step-down" onChange={(e) => onChange({ stepDown: e.target.checked })} />
            Step down to a lower rate after some months
          </label>
          {rule.stepDown && (
            <div className="pl-grid">
              <Field label="After" htmlFor={id("step-after")} error={errors["step_down.after_months"]}>
                <CountInput
                  id={id("step-after")}
                  unit="months"
                  value={rule.stepAfter}
                  invalid={!!errors["step_down.after_months"]}
                  onChange={(v) => onChange({ stepAfter: v })}
                />
              </Field>
              <Field label="Then pay" htmlFor={id("step-rate")} error={errors["step_down.rate"]}>
                <RateInput id={id("step-rate")} value={rule.stepRate} invalid={!!errors["step_down.rate"]} onChange={(v) => onChange({ stepRate: v })} />
              </Field>
            </div>
          )}
        </div>
      );
    case "two_tier":
      return (
        <div className="pl-stack">
          <div className="pl-grid">
            {rate(
              `${ancestorName(Number(rule.level))}'s rate`,
              rule.level === "1"
                ? "The partner's parent (the one who referred them) earns this."
                : "The partner's ancestor at this level of the chain of referrers earns this.",
            )}
            <Field label="Of the" error={errors.of}>
              <Segmented
                name={id("of")}
                label="Of the"
                value={rule.of}
                invalid={!!errors.of}
                options={[
                  { value: "commission", label: "Commission" },
                  { value: "sale", label: "Sale" },
                ]}
                onChange={(v) => onChange({ of: v })}
              />
            </Field>
          </div>
          <Field label="Earned by" hint="One rule per level: a second rule pays the grandparent, and so on up to 5 levels." error={errors.level}>
            <Segmented
              name={id("level")}
              label="Earned by"
              value={rule.level}
              invalid={!!errors.level}
              options={[
                { value: "1", label: "Parent" },
                { value: "2", label: "Grandparent" },
                { value: "3", label: "3 up" },
                { value: "4", label: "4 up" },
                { value: "5", label: "5 up" },
              ]}
              onChange={(v) => onChange({ level: v })}
            />
          </Field>
          <Field label="Paid" hint={rule.twoTierMode === "on_top" ? "Their share is extra: the partner keeps all of theirs." : "Their share comes out of the partner's commission; the lines add up to it exactly."}>
            <Segmented
              name={id("mode")}
              label="Paid"
              value={rule.twoTierMode}
              options={[
                { value: "on_top", label: "On top" },
                { value: "split", label: "Split from the partner's share" },
              ]}
              onChange={(v) => onChange({ twoTierMode: v })}
            />
          </Field>
        </div>
      );
    case "target_bonus":
      return (
        <div className="pl-stack">
          <Field label="Target counts the partner's" hint="Reached within a calendar month, the bonus is paid once for that month.">
            {measure}
          </Field>
          <div className="pl-grid">
            <Field label="Target" htmlFor={id("threshold")} error={errors.threshold}>
              {rule.measure === "count" ? (
                <CountInput id={id("threshold")} unit="sales" value={rule.threshold} invalid={!!errors.threshold} testId="rule-threshold" onChange={(v) => onChange({ threshold: v })} />
              ) : (
                <MoneyInput id={id("threshold")} currency={currency} value={rule.threshold} invalid={!!errors.threshold} testId="rule-threshold" onChange={(v) => onChange({ threshold: v })} />
              )}
            </Field>
            <Field label="Bonus" htmlFor={id("bonus")} error={errors.bonus}>
              <MoneyInput id={id("bonus")} currency={currency} value={rule.bonus} invalid={!!errors.bonus} testId="rule-bonus" onChange={(v) => onChange({ bonus: v })} />
            </Field>
          </div>
        </div>
      );
  }
}
