import type { ScreeningSettings } from "../../bindings/ScreeningSettings";
import { CHECKS, checkLabel } from "./labels";

/** The screening settings as the dialog edits them: numbers stay text until saved. */
export type ScreeningDraft = {
  weights: Record<string, string>;
  targetCountries: string[];
  blockedCountries: string[];
  minAudience: string;
  categories: string[];
  businessEmailOnly: boolean;
  ownDomains: string[];
  autoEnabled: boolean;
  autoMinScore: string;
  autoGroupId: number | null;
};

export type ScreeningErrors = { weights?: Record<string, string>; minAudience?: string; autoMinScore?: string };

/** Every check with its weight, known checks first in screening order, then any the book adds. */
export function weightRows(weights: Record<string, string>): { id: string; label: string }[] {
  const known = new Set(CHECKS.map((c) => c.id));
  const extra = Object.keys(weights)
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, label: checkLabel(id) }));
  return [...CHECKS, ...extra];
}

export function toDraft(s: ScreeningSettings): ScreeningDraft {
  const weights: Record<string, string> = {};
  for (const c of CHECKS) weights[c.id] = "";
  for (const [id, w] of Object.entries(s.weights)) weights[id] = String(w);
  return {
    weights,
    targetCountries: s.target_countries,
    blockedCountries: s.blocked_countries,
    minAudience: s.min_audience > 0 ? String(s.min_audience) : "",
    categories: s.categories,
    businessEmailOnly: s.business_email_only,
    ownDomains: s.own_domains,
    autoEnabled: s.auto_approve.enabled,
    autoMinScore: String(s.auto_approve.min_score),
    autoGroupId: s.auto_approve.group_id,
  };
}

function wholeNumber(text: string): number | null {
  const t = text.replace(/[\s,_]/g, "");
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Country codes as the backend keeps them: trimmed, upper case, once each. */
export function countryCodes(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const code = v.trim().toUpperCase();
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** The settings to save, or what to fix first. An empty weight is 0 (the check costs nothing). */
export function toSettings(d: ScreeningDraft): { settings: ScreeningSettings } | { errors: ScreeningErrors } {
  const errors: ScreeningErrors = {};
  const weights: Record<string, number> = {};
  for (const [id, text] of Object.entries(d.weights)) {
    const w = text.trim() === "" ? 0 : wholeNumber(text);
    if (w === null || w > 100) (errors.weights ??= {})[id] = "0 to 100 points.";
    else weights[id] = w;
  }
  const minAudience = d.minAudience.trim() === "" ? 0 : wholeNumber(d.minAudience);
  if (minAudience === null) errors.minAudience = "A whole number, or empty for no minimum.";
  const minScore = wholeNumber(d.autoMinScore);
  if (d.autoEnabled && (minScore === null || minScore > 100)) errors.autoMinScore = "A score from 0 to 100.";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      weights,
      target_countries: countryCodes(d.targetCountries),
      blocked_countries: countryCodes(d.blockedCountries),
      min_audience: minAudience ?? 0,
      categories: d.categories.map((c) => c.trim()).filter(Boolean),
      business_email_only: d.businessEmailOnly,
      own_domains: d.ownDomains.map((c) => c.trim().toLowerCase()).filter(Boolean),
      auto_approve: {
        enabled: d.autoEnabled,
        min_score: minScore !== null && minScore <= 100 ? minScore : 80,
        group_id: d.autoGroupId,
      },
    },
  };
}
