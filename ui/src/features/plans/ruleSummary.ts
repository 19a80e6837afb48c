// A rule in one sentence a person can check at a glance:
// "30% of each sale and renewal", "Parent earns 10% of the commission, on top".

import type { ConversionKind } from "../../bindings/ConversionKind";
import type { Measure } from "../../bindings/Measure";
import type { Rule } from "../../bindings/Rule";
import type { TierMode } from "../../bindings/TierMode";
import { formatCount } from "../../lib/format";
import { formatDecimalMoney } from "../../lib/moneyDisplay";
import { defaultKinds } from "./ruleForm";

const KIND_WORDS: Record<ConversionKind, string> = {
  click: "click",
  lead: "lead",
  signup: "sign-up",
  trial: "trial",
  sale: "sale",
  recurring: "renewal",
  refund: "refund",
  chargeback: "chargeback",
  chargeback_reversal: "chargeback reversal",
};

export const KIND_LABELS: Record<ConversionKind, string> = {
  click: "Clicks",
  lead: "Leads",
  signup: "Sign-ups",
  trial: "Trials",
  sale: "Sales",
  recurring: "Renewals",
  refund: "Refunds",
  chargeback: "Chargebacks",
  chargeback_reversal: "Chargeback reversals",
};

/** "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The kinds a rule pays for, in words: "sale and renewal". */
export function kindsPhrase(rule: Rule): string {
  const kinds = rule.applies_to && rule.applies_to.length > 0 ? rule.applies_to : defaultKinds(rule.kind);
  return joinWords(kinds.map((k) => KIND_WORDS[k]));
}

type Opts = { locale?: string };

function money(text: string, currency: string, opts: Opts) {
  return formatDecimalMoney(text, currency, { locale: opts.locale, trimZeroCents: true });
}

function months(n: number): string {
  return n === 1 ? "1 month" : `${n} months`;
}

function sales(text: string, opts: Opts): string {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
  if (n === null) return `${text.trim()} sales`;
  return n === 1 ? "1 sale" : `${formatCount(n, opts.locale)} sales`;
}

function tierFrom(from: string, measure: Measure, currency: string, opts: Opts) {
  return measure === "count" ? sales(from, opts) : money(from, currency, opts);
}

/** How a tier mode pays, for the line under the sentence. */
export function tierModeHint(mode: TierMode): string {
  return mode === "band"
    ? "The whole amount is paid at the rate of the band the partner's month reaches."
    : "Each slice of the month is paid at the rate of its own band.";
}

/** The rule in one sentence, amounts in the base currency. */
export function ruleSummary(rule: Rule, currency: string, opts: Opts = {}): string {
  switch (rule.kind) {
    case "percentage":
      return `${rule.rate} of each ${kindsPhrase(rule)}`;
    case "flat":
      return `${money(rule.amount, currency, opts)} for each ${kindsPhrase(rule)}`;
    case "hybrid":
      return `${money(rule.amount, currency, opts)} plus ${rule.rate} of each ${kindsPhrase(rule)}`;
    case "tiered": {
      const mode = rule.mode === "band" ? "Band" : "Marginal";
      const by = rule.measure === "count" ? "monthly number of sales" : "monthly revenue";
      const tiers = rule.tiers.map((t) => `${t.rate} from ${tierFrom(t.from, rule.measure, currency, opts)}`);
      return `${mode} tiers by ${by}: ${tiers.join(", ")}`;
    }
    case "recurring": {
      const length = rule.months === null ? "for the customer's lifetime" : `for ${months(rule.months)}`;
      const step = rule.step_down ? `, then ${rule.step_down.rate} after ${months(rule.step_down.after_months)}` : "";
      return `${rule.rate} of each ${kindsPhrase(rule)} ${length}${step}`;
    }
    case "two_tier": {
      const who = ancestorName(rule.level ?? 1);
      return rule.mode === "on_top"
        ? `${who} earns ${rule.rate} of the ${rule.of === "sale" ? "sale" : "commission"}, on top`
        : `${who} earns ${rule.rate} of the commission, split from the partner's share`;
    }
    case "target_bonus":
      return rule.measure === "count"
        ? `${money(rule.bonus, currency, opts)} bonus once the partner makes ${sales(rule.threshold, opts)} in a calendar month`
        : `${money(rule.bonus, currency, opts)} bonus once the partner's monthly revenue reaches ${money(rule.threshold, currency, opts)}`;
  }
}

/** Who a two-tier rule of `level` pays, capitalised: "Parent", "Grandparent", "Ancestor 3 levels up". */
export function ancestorName(level: number): string {
  if (level <= 1) return "Parent";
  if (level === 2) return "Grandparent";
  return `Ancestor ${level} levels up`;
}

/** Who and what a rule is limited to, in words; empty when it is for everyone. */
export function ruleScope(rule: Rule, partnerName: string | null): string[] {
  const parts: string[] = [];
  if (rule.partner) parts.push(`Only for ${partnerName || `partner #${rule.partner}`}`);
  if (rule.product) parts.push(`Only product “${rule.product}”`);
  return parts;
}
