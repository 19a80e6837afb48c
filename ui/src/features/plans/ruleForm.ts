// One rule as the editor holds it, and its conversion to and from Rule.
// Every kind's fields live side by side, so switching the kind back and forth
// keeps what was typed. Rates are kept without their "%" (the input shows it).

import type { ConversionKind } from "../../bindings/ConversionKind";
import type { Measure } from "../../bindings/Measure";
import type { Rule } from "../../bindings/Rule";
import type { ShareOf } from "../../bindings/ShareOf";
import type { TierMode } from "../../bindings/TierMode";
import type { TwoTierMode } from "../../bindings/TwoTierMode";
import { normaliseRate, rateToInput } from "./numbers";

export type RuleKindName = Rule["kind"];
export type TierRow = { from: string; rate: string };

export type RuleForm = {
  /** The card's identity in the list (not saved). */
  key: number;
  id: string;
  kind: RuleKindName;
  rate: string;
  amount: string;
  tierMode: TierMode;
  measure: Measure;
  tiers: TierRow[];
  lifetime: boolean;
  months: string;
  stepDown: boolean;
  stepAfter: string;
  stepRate: string;
  of: ShareOf;
  twoTierMode: TwoTierMode;
  /** Which ancestor a two-tier rule pays: "1" the parent, "2" the grandparent… */
  level: string;
  threshold: string;
  bonus: string;
  appliesTo: ConversionKind[];
  product: string;
  /** The partner's id as text; empty for every partner. */
  partner: string;
  /** The partner's name, for showing (not saved). */
  partnerName: string;
  description: string;
};

export const RULE_KINDS: { value: RuleKindName; label: string }[] = [
  { value: "percentage", label: "Percentage" },
  { value: "flat", label: "Flat amount" },
  { value: "hybrid", label: "Flat + percentage" },
  { value: "tiered", label: "Tiered" },
  { value: "recurring", label: "Recurring" },
  { value: "two_tier", label: "Two-tier (parent and up)" },
  { value: "target_bonus", label: "Target bonus" },
];

/** The conversion kinds a rule pays for when "Applies to" is left empty. */
export function defaultKinds(kind: RuleKindName): ConversionKind[] {
  switch (kind) {
    case "percentage":
    case "tiered":
      return ["sale", "recurring"];
    case "flat":
    case "hybrid":
      return ["sale"];
    case "recurring":
      return ["recurring"];
    default:
      return [];
  }
}

/** Two-tier and target bonus rules add to the winning rule: no kinds of their own. */
export function hasKinds(kind: RuleKindName): boolean {
  return kind !== "two_tier" && kind !== "target_bonus";
}

let nextKey = 1;

export function blankRule(kind: RuleKindName, id: string): RuleForm {
  return {
    key: nextKey++,
    id,
    kind,
    rate: "",
    amount: "",
    tierMode: "band",
    measure: "revenue",
    tiers: [
      { from: "0", rate: "" },
      { from: "", rate: "" },
    ],
    lifetime: false,
    months: "12",
    stepDown: false,
    stepAfter: "",
    stepRate: "",
    of: "commission",
    twoTierMode: "on_top",
    level: "1",
    threshold: "",
    bonus: "",
    appliesTo: [],
    product: "",
    partner: "",
    partnerName: "",
    description: "",
  };
}

/** A readable id not used yet: "percentage-1", "two-tier-2". */
export function newRuleId(kind: RuleKindName, taken: string[]): string {
  const base = kind.replace(/_/g, "-");
  const used = new Set(taken.map((t) => t.trim()));
  for (let n = 1; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

export function ruleToForm(rule: Rule, partnerName = ""): RuleForm {
  const f = blankRule(rule.kind, rule.id);
  f.appliesTo = [...(rule.applies_to ?? [])];
  f.product = rule.product ?? "";
  f.partner = rule.partner ?? "";
  f.partnerName = partnerName;
  f.description = rule.description ?? "";
  switch (rule.kind) {
    case "percentage":
      f.rate = rateToInput(rule.rate);
      break;
    case "flat":
      f.amount = rule.amount;
      break;
    case "hybrid":
      f.amount = rule.amount;
      f.rate = rateToInput(rule.rate);
      break;
    case "tiered":
      f.tierMode = rule.mode;
      f.measure = rule.measure;
      f.tiers = rule.tiers.map((t) => ({ from: t.from, rate: rateToInput(t.rate) }));
      break;
    case "recurring":
      f.rate = rateToInput(rule.rate);
      f.lifetime = rule.months === null;
      f.months = rule.months === null ? "" : String(rule.months);
      f.stepDown = rule.step_down !== null;
      f.stepAfter = rule.step_down ? String(rule.step_down.after_months) : "";
      f.stepRate = rule.step_down ? rateToInput(rule.step_down.rate) : "";
      break;
    case "two_tier":
      f.rate = rateToInput(rule.rate);
      f.of = rule.of;
      f.twoTierMode = rule.mode;
      f.level = String(rule.level ?? 1);
      break;
    case "target_bonus":
      f.measure = rule.measure;
      f.threshold = rule.threshold;
      f.bonus = rule.bonus;
      break;
  }
  return f;
}

type RuleCommon = Pick<Rule, "id" | "applies_to" | "product" | "partner" | "description">;

const rate = (text: string) => normaliseRate(text) ?? text.trim();
const whole = (text: string) => Number(text.trim());

/** The Rule to save. Optional parts are left out when empty, like the core writes them. */
export function formToRule(f: RuleForm): Rule {
  const base: RuleCommon = { id: f.id.trim() };
  if (hasKinds(f.kind) && f.appliesTo.length > 0) base.applies_to = [...f.appliesTo];
  if (f.product.trim()) base.product = f.product.trim();
  if (f.partner.trim()) base.partner = f.partner.trim();
  if (f.description.trim()) base.description = f.description.trim();
  switch (f.kind) {
    case "percentage":
      return { ...base, kind: "percentage", rate: rate(f.rate) };
    case "flat":
      return { ...base, kind: "flat", amount: f.amount.trim() };
    case "hybrid":
      return { ...base, kind: "hybrid", amount: f.amount.trim(), rate: rate(f.rate) };
    case "tiered":
      return {
        ...base,
        kind: "tiered",
        mode: f.tierMode,
        measure: f.measure,
        tiers: f.tiers.map((t) => ({ from: t.from.trim(), rate: rate(t.rate) })),
      };
    case "recurring":
      return {
        ...base,
        kind: "recurring",
        rate: rate(f.rate),
        months: f.lifetime ? null : whole(f.months),
        step_down: f.stepDown ? { after_months: whole(f.stepAfter), rate: rate(f.stepRate) } : null,
      };
    case "two_tier":
      // Level 1 is the default: left out, so a parent rule's file stays as it was.
      return f.level === "1"
        ? { ...base, kind: "two_tier", rate: rate(f.rate), of: f.of, mode: f.twoTierMode }
        : { ...base, kind: "two_tier", rate: rate(f.rate), of: f.of, mode: f.twoTierMode, level: Number(f.level) };
    case "target_bonus":
      return { ...base, kind: "target_bonus", measure: f.measure, threshold: f.threshold.trim(), bonus: f.bonus.trim() };
  }
}
