import { Plus, X } from "lucide-react";
import { Button } from "../../../components/Button";
import type { Measure } from "../../../bindings/Measure";
import type { TierRow } from "../ruleForm";
import type { Errors } from "../validate";
import { CountInput, MoneyInput, RateInput } from "./inputs";

type Props = {
  idBase: string;
  tiers: TierRow[];
  measure: Measure;
  currency: string;
  errors: Errors;
  onChange: (tiers: TierRow[]) => void;
};

/** The tiers of a tiered rule: where each band starts and its rate. */
export function TierRows({ idBase, tiers, measure, currency, errors, onChange }: Props) {
  const set = (j: number, patch: Partial<TierRow>) => onChange(tiers.map((t, k) => (k === j ? { ...t, ...patch } : t)));
  const unit = measure === "count" ? "sales" : currency;
  return (
    <div className="pl-tiers">
      <div className="pl-tier pl-tier-head" aria-hidden>
        <span>From ({measure === "count" ? "sales this month" : `revenue this month, ${currency}`})</span>
        <span>Rate</span>
        <span />
      </div>
      {tiers.map((t, j) => {
        const fromError = errors[`tiers.${j}.from`];
        const rateError = errors[`tiers.${j}.rate`];
        return (
          <div key={j} className="pl-tier-block" data-testid="tier-row">
            <div className="pl-tier">
              {j === 0 ? (
                <span className="pl-affix pl-tier-first" title="The first tier starts at 0">
                  <input className="input num pl-affix-input" value={t.from || "0"} readOnly aria-label="Tier 1 starts at" />
                  <span className="pl-affix-text">{unit}</span>
                </span>
              ) : measure === "count" ? (
                <CountInput
                  id={`${idBase}-from-${j}`}
                  aria-label={`Tier ${j + 1} starts at`}
                  unit="sales"
                  value={t.from}
                  invalid={!!fromError}
                  onChange={(from) => set(j, { from })}
                />
              ) : (
                <MoneyInput
                  id={`${idBase}-from-${j}`}
                  aria-label={`Tier ${j + 1} starts at`}
                  currency={currency}
                  value={t.from}
                  invalid={!!fromError}
                  onChange={(from) => set(j, { from })}
                />
              )}
              <RateInput
                aria-label={`Tier ${j + 1} rate`}
                value={t.rate}
                invalid={!!rateError}
                testId="tier-rate"
                onChange={(rate) => set(j, { rate })}
              />
              <Button
                size="sm"
                variant="ghost"
                icon={<X size={14} />}
                aria-label={`Remove tier ${j + 1}`}
                disabled={tiers.length <= 1}
                onClick={() => onChange(tiers.filter((_, k) => k !== j).map((r, k) => (k === 0 ? { ...r, from: "0" } : r)))}
              />
            </div>
            {(fromError || rateError) && <p className="field-error">{fromError ?? rateError}</p>}
          </div>
        );
      })}
      {errors.tiers && <p className="field-error">{errors.tiers}</p>}
      <div>
        <Button size="sm" variant="ghost" icon={<Plus size={14} />} data-testid="tier-add" onClick={() => onChange([...tiers, { from: "", rate: "" }])}>
          Add tier
        </Button>
      </div>
    </div>
  );
}
