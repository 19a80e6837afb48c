// Which commission plan pays a partner, and why: a plan of their own
// overrides their group's; with neither, the program's default plan pays
// them; with no default either, their sales wait for a plan.

import type { Partner } from "../../../bindings/Partner";
import type { Plan } from "../../../bindings/Plan";

export type PlanSource =
  | { kind: "own"; plan: string }
  | { kind: "group"; plan: string; group: string | null }
  | { kind: "default"; plan: string }
  | { kind: "none" };

type PlanFields = Pick<Partner, "plan_id" | "plan_name" | "group_name" | "plan_from">;

export function planSource(p: PlanFields): PlanSource {
  if (p.plan_name === null) return { kind: "none" };
  if (p.plan_id !== null) return { kind: "own", plan: p.plan_name };
  if (p.plan_from === "default") return { kind: "default", plan: p.plan_name };
  return { kind: "group", plan: p.plan_name, group: p.group_name };
}

/** "Standard — from the group Creators", "VIP — their own plan", or the no-plan warning. */
export function describePlanSource(s: PlanSource): string {
  switch (s.kind) {
    case "own":
      return `${s.plan} \u2014 their own plan`;
    case "group":
      return s.group ? `${s.plan} \u2014 from the group ${s.group}` : `${s.plan} \u2014 from their group`;
    case "default":
      return `${s.plan} \u2014 the program's default plan`;
    case "none":
      return "No plan: this partner's sales wait, held, until a plan applies";
  }
}

/**
 * The plan their group puts them on. Known from the partner when they have
 * no plan of their own; otherwise looked up among the plans (by group name).
 */
export function groupPlanName(p: PlanFields, plans: Plan[] | null): string | null {
  if (p.plan_id === null) return p.plan_from === "default" ? null : p.plan_name;
  if (!p.group_name || !plans) return null;
  return plans.find((plan) => plan.groups.includes(p.group_name as string))?.name ?? null;
}

/** The label of the select's first choice: "Group's plan (Standard)". */
export function groupChoiceLabel(p: PlanFields, plans: Plan[] | null): string {
  if (!p.group_name) return "Group's plan (no group)";
  return `Group's plan (${groupPlanName(p, plans) ?? "none"})`;
}

/** The select's choices: the group's plan ("") first, then every plan by name. */
export function planChoices(p: PlanFields, plans: Plan[] | null): { value: string; label: string }[] {
  const names = (plans ?? []).map((plan) => plan.name);
  // Their own plan stays choosable even before (or without) the list.
  const own = p.plan_id !== null && p.plan_name !== null ? p.plan_name : null;
  if (own !== null && !names.includes(own)) names.unshift(own);
  return [{ value: "", label: groupChoiceLabel(p, plans) }, ...names.map((n) => ({ value: n, label: n }))];
}

/** What the toast says once the plan was changed. */
export function planChangedMessage(p: Pick<Partner, "name"> & PlanFields): string {
  const s = planSource(p);
  if (s.kind === "own") return `${p.name} is now paid by ${s.plan}, a plan of their own.`;
  if (s.kind === "group") return `${p.name} now follows their group's plan, ${s.plan}.`;
  if (s.kind === "default") return `${p.name} now earns under the program's default plan, ${s.plan}.`;
  return `${p.name} is on no plan now: their sales wait, held, until a plan applies.`;
}
