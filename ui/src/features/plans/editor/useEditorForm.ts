import { useCallback, useState } from "react";
import type { EditorForm } from "../editorForm";
import { blankRule, newRuleId, type RuleForm, type RuleKindName } from "../ruleForm";
import type { Errors } from "../validate";

/** Drops the errors of the rules (their keys are positions, which just moved). */
function withoutRuleErrors(errors: Errors): Errors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith("rules")));
}

/** The editor's form and field errors, with the rule list operations. */
export function useEditorForm(initial: EditorForm) {
  const [form, setForm] = useState<EditorForm>(initial);
  const [errors, setErrors] = useState<Errors>({});

  const setField = useCallback(<K extends keyof EditorForm>(key: K, value: EditorForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const { [key as string]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const updateRule = useCallback((i: number, patch: Partial<RuleForm>) => {
    setForm((f) => ({ ...f, rules: f.rules.map((r, k) => (k === i ? { ...r, ...patch } : r)) }));
    setErrors((e) => {
      const out: Errors = {};
      const fields = Object.keys(patch).flatMap(errorKeysOf);
      for (const [k, v] of Object.entries(e)) {
        const prefix = `rules.${i}.`;
        if (k.startsWith(prefix) && fields.some((f) => k.slice(prefix.length).startsWith(f))) continue;
        out[k] = v;
      }
      return out;
    });
  }, []);

  /** A new kind; an id made for the old kind follows it ("flat-1" → "tiered-1"). */
  const changeKind = useCallback((i: number, kind: RuleKindName) => {
    setForm((f) => {
      const rule = f.rules[i];
      const auto = new RegExp(`^${rule.kind.replace(/_/g, "-")}-\\d+$`).test(rule.id.trim());
      const others = f.rules.filter((_, k) => k !== i).map((r) => r.id);
      const id = auto ? newRuleId(kind, others) : rule.id;
      return { ...f, rules: f.rules.map((r, k) => (k === i ? { ...r, kind, id } : r)) };
    });
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`rules.${i}.`))));
  }, []);

  const addRule = useCallback(() => {
    setForm((f) => ({ ...f, rules: [...f.rules, blankRule("percentage", newRuleId("percentage", f.rules.map((r) => r.id)))] }));
    setErrors((e) => {
      const { rules: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const moveRule = useCallback((i: number, delta: -1 | 1) => {
    setForm((f) => {
      const j = i + delta;
      if (j < 0 || j >= f.rules.length) return f;
      const rules = [...f.rules];
      [rules[i], rules[j]] = [rules[j], rules[i]];
      return { ...f, rules };
    });
    setErrors(withoutRuleErrors);
  }, []);

  const removeRule = useCallback((i: number) => {
    setForm((f) => ({ ...f, rules: f.rules.filter((_, k) => k !== i) }));
    setErrors(withoutRuleErrors);
  }, []);

  return { form, errors, setErrors, setField, updateRule, changeKind, addRule, moveRule, removeRule };
}

/** The error keys a form field's errors use. */
function errorKeysOf(key: string): string[] {
  switch (key) {
    case "stepAfter":
      return ["step_down.after_months"];
    case "stepRate":
      return ["step_down.rate"];
    case "stepDown":
      return ["step_down"];
    case "appliesTo":
      return ["applies_to"];
    case "twoTierMode":
      return ["of"];
    case "measure":
      return ["tiers", "threshold"];
    case "lifetime":
      return ["months", "step_down"];
    default:
      return [key];
  }
}
