// The screen's views ("All", "Unattributed", "Held") as the backend asks them.

import type { ConversionKind } from "../../bindings/ConversionKind";
import type { ConversionQuery } from "../../bindings/ConversionQuery";
import type { PartnerRef } from "../../components/PartnerSearchSelect";
import { formatDate } from "../../lib/format";
import { KIND_LABELS } from "./labels";

export type View = "all" | "unattributed" | "held";

/**
 * What the list was opened for from another screen (the home screen's
 * numbers): days ("YYYY-MM-DD", both included), a partner, several kinds.
 * Shown above the list until cleared.
 */
export type Scope = { from?: string; to?: string; partner?: PartnerRef; kinds?: ConversionKind[] };

/** What a view asks for, on one kind or all, within `scope`; the page is added by the caller. */
export function viewQuery(view: View, kind: ConversionKind | "", scope: Scope = {}): Omit<ConversionQuery, "offset" | "limit"> {
  return {
    partner_id: scope.partner?.id ?? null,
    unattributed: view === "unattributed",
    held: view === "held",
    kinds: kind ? [kind] : (scope.kinds ?? []),
    from: scope.from ?? null,
    to: scope.to ?? null,
  };
}

export function hasScope(scope: Scope): boolean {
  return Boolean(scope.from || scope.to || scope.partner || scope.kinds?.length);
}

/** "Nov 1, 2026 – Nov 30, 2026 · Ana Lima · Sale, Recurring". */
export function scopeText(scope: Scope, kind: ConversionKind | ""): string {
  const parts: string[] = [];
  if (scope.from && scope.to) parts.push(`${formatDate(scope.from)} \u2013 ${formatDate(scope.to)}`);
  else if (scope.from) parts.push(`from ${formatDate(scope.from)}`);
  else if (scope.to) parts.push(`to ${formatDate(scope.to)}`);
  if (scope.partner) parts.push(scope.partner.name || `Partner #${scope.partner.id}`);
  if (!kind && scope.kinds?.length) parts.push(scope.kinds.map((k) => KIND_LABELS[k]).join(", "));
  return parts.join(" \u00b7 ");
}
