// What the editor checks before saving, and where the core's own complaints
// belong. Errors are keyed "name", "effective_from", "rules.2.rate",
// "rules.1.tiers.0.from": the same paths the core names, made dotted.

import { isIsoDay } from "./dates";
import type { EditorForm } from "./editorForm";
import { amountError, compareDecimal, countError, rateError, wholeNumber } from "./numbers";
import type { RuleForm } from "./ruleForm";

export type Errors = Record<string, string>;

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function ruleErrors(r: RuleForm, currency: string): Errors {
  const e: Errors = {};
  const put = (field: string, message: string | null) => {
    if (message) e[field] = message;
  };
  const id = r.id.trim();
  if (!id) put("id", "Give the rule an id.");
  else if (!ID.test(id)) put("id", "Use letters, digits and dashes, e.g. percentage-1.");
  switch (r.kind) {
    case "percentage":
      put("rate", rateError(r.rate));
      break;
    case "flat":
      put("amount", amountError(r.amount, currency));
      break;
    case "hybrid":
      put("amount", amountError(r.amount, currency));
      put("rate", rateError(r.rate));
      break;
    case "tiered":
      if (r.tiers.length === 0) put("tiers", "Add at least one tier.");
      r.tiers.forEach((t, j) => {
        const fromError = r.measure === "count" ? countError(t.from) : amountError(t.from, currency);
        put(`tiers.${j}.from`, fromError);
        put(`tiers.${j}.rate`, rateError(t.rate));
        if (fromError) return;
        if (j === 0 && compareDecimal(t.from, "0") !== 0) put(`tiers.${j}.from`, "The first tier starts at 0.");
        const prev = r.tiers[j - 1];
        if (j > 0 && compareDecimal(t.from, prev.from) <= 0) {
          put(`tiers.${j}.from`, "Each tier must start above the one before.");
        }
      });
      break;
    case "recurring": {
      put("rate", rateError(r.rate));
      const months = r.lifetime ? null : wholeNumber(r.months);
      if (!r.lifetime && months === null) put("months", "Enter a number of months (1 or more), or choose lifetime.");
      if (r.stepDown) {
        const after = wholeNumber(r.stepAfter);
        if (after === null) put("step_down.after_months", "Enter after how many months (1 or more).");
        else if (months !== null && after >= months) put("step_down.after_months", `Must be less than the ${months} months.`);
        put("step_down.rate", rateError(r.stepRate));
      }
      break;
    }
    case "two_tier":
      put("rate", rateError(r.rate));
      if (r.twoTierMode === "split" && r.of === "sale") put("of", "A split shares the partner's commission, not the sale.");
      break;
    case "target_bonus":
      put("threshold", r.measure === "count" ? countError(r.threshold) : amountError(r.threshold, currency));
      put("bonus", amountError(r.bonus, currency));
      break;
  }
  return e;
}

/**
 * Every problem the form can see, by field; empty when it can be saved.
 * `takenNames`: for a new plan, the plans that exist (saving under one of
 * their names would add a version to that plan instead).
 */
export function validateEditor(form: EditorForm, currency: string, takenNames: string[] = []): Errors {
  const errors: Errors = {};
  const name = form.name.trim();
  if (!name) errors.name = "Give the plan a name.";
  else if (takenNames.some((n) => n.trim().toLowerCase() === name.toLowerCase())) {
    errors.name = "A plan has this name already: pick it on the left and add a version instead.";
  }
  if (!isIsoDay(form.effective_from)) errors.effective_from = "Pick the first day these rules apply.";
  if (form.rules.length === 0) errors.rules = "Add at least one rule.";
  const seen = new Map<string, number>();
  form.rules.forEach((r, i) => {
    for (const [field, message] of Object.entries(ruleErrors(r, currency))) errors[`rules.${i}.${field}`] = message;
    const id = r.id.trim().toLowerCase();
    if (!id) return;
    if (seen.has(id)) errors[`rules.${i}.id`] = `Rule ${seen.get(id)! + 1} already uses this id.`;
    else seen.set(id, i);
  });
  return errors;
}

/** The errors of rule `i`, keyed by its own field names. */
export function errorsOfRule(errors: Errors, i: number): Errors {
  const prefix = `rules.${i}.`;
  const out: Errors = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

const FIELD_PATH = /^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)*): ([\s\S]+)$/;
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, ".$1");

/**
 * Where a core error belongs: "versions[0].rules[2] (tiers): tiers[1].rate: …"
 * → "rules.2.tiers.1.rate". Null when it names no field.
 */
export function serverErrorKey(message: string): { key: string; message: string } | null {
  const text = message.replace(/^versions\[\d+\]\./, "");
  const rule = /^rules\[(\d+)\](?: \([^)]*\))?(?:\.|: )([\s\S]*)$/.exec(text);
  if (rule) {
    const inner = FIELD_PATH.exec(rule[2]);
    if (inner) return { key: `rules.${rule[1]}.${dotted(inner[1])}`, message: inner[2] };
    return { key: `rules.${rule[1]}.id`, message: rule[2] };
  }
  const field = FIELD_PATH.exec(text);
  return field ? { key: dotted(field[1]), message: field[2] } : null;
}

/** The core's message in plain words: "Rule 3 (tiers), tier 2 rate: …". */
export function describeServerError(message: string): string {
  const text = message.replace(/^versions\[\d+\]\./, "");
  const rule = /^rules\[(\d+)\](?: \(([^)]*)\))?(?:\.|: )([\s\S]*)$/.exec(text);
  const withStop = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
  if (!rule) return withStop(text);
  const name = `Rule ${Number(rule[1]) + 1}${rule[2] ? ` (${rule[2]})` : ""}`;
  const inner = FIELD_PATH.exec(rule[3]);
  if (!inner) return withStop(`${name}: ${rule[3]}`);
  const field = inner[1]
    .replace(/tiers\[(\d+)\]\.?/, (_, j: string) => `tier ${Number(j) + 1} `)
    .replace(/step_down\./, "step-down ")
    .replace(/_/g, " ")
    .trim();
  return withStop(`${name}, ${field}: ${inner[2]}`);
}
