// What the plan editor holds: the plan's own fields and one version's rules.
// Saving sends only that version; the core adds it, or replaces it while unused.

import type { Plan } from "../../bindings/Plan";
import type { PlanFile } from "../../bindings/PlanFile";
import type { PlanVersion } from "../../bindings/PlanVersion";
import { firstOfMonth, firstOfNextMonth, latestVersion } from "./dates";
import { blankRule, formToRule, ruleToForm, type RuleForm } from "./ruleForm";

export type EditorMode =
  | { kind: "new-plan" }
  | { kind: "new-version"; planId: number }
  | { kind: "edit-version"; planId: number; versionId: number };

export type EditorForm = {
  name: string;
  description: string;
  groups: string[];
  effective_from: string;
  rules: RuleForm[];
};

/** Partner names known so far, by id as text. */
export type PartnerNames = Record<string, string>;

/** A new plan: one percentage rule, from the first of this month. */
export function newPlanForm(today: string): EditorForm {
  return {
    name: "",
    description: "",
    groups: [],
    effective_from: firstOfMonth(today),
    rules: [blankRule("percentage", "percentage-1")],
  };
}

function planFields(plan: Plan) {
  return { name: plan.name, description: plan.description, groups: [...plan.groups] };
}

function rulesOf(version: PlanVersion | null, names: PartnerNames): RuleForm[] {
  return (version?.rules ?? []).map((r) => ruleToForm(r, r.partner ? names[r.partner] ?? "" : ""));
}

/** A new version: the latest version's rules, from the first of next month. */
export function newVersionForm(plan: Plan, today: string, names: PartnerNames = {}): EditorForm {
  const latest = latestVersion(plan.versions);
  // Never before the latest version: a new one must come after it.
  let day = firstOfNextMonth(today);
  if (latest && latest.effective_from >= day) day = firstOfNextMonth(latest.effective_from);
  const rules = rulesOf(latest, names);
  return { ...planFields(plan), effective_from: day, rules: rules.length ? rules : [blankRule("percentage", "percentage-1")] };
}

/** An unused version, to change its rules in place. */
export function editVersionForm(plan: Plan, version: PlanVersion, names: PartnerNames = {}): EditorForm {
  return { ...planFields(plan), effective_from: version.effective_from, rules: rulesOf(version, names) };
}

/** What plan_save gets: the plan and the one version being edited. */
export function toPlanFile(form: EditorForm): PlanFile {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    groups: [...form.groups],
    versions: [{ effective_from: form.effective_from, rules: form.rules.map(formToRule) }],
  };
}

/** The saved shape of the form, for "unsaved changes". */
export function formSnapshot(form: EditorForm): string {
  return JSON.stringify(toPlanFile(form));
}
