import type { RiskCheck } from "../../bindings/RiskCheck";
import type { RiskFlag } from "../../bindings/RiskFlag";
import type { RiskScanReport } from "../../bindings/RiskScanReport";
import type { RiskSeverity } from "../../bindings/RiskSeverity";
import type { PillTone } from "../../components/Pill";
import { plural } from "../../lib/format";

export const CHECK_TITLES: Record<RiskCheck, string> = {
  self_referral: "Self-referral",
  customer_is_partner: "Customer is a partner",
  disposable_email: "Disposable customer email",
  shared_payout_account: "Shared payout account",
  refund_spike: "Refund spike",
  velocity: "Sales far above the partner's usual",
  customer_burst: "One customer buying many times in a day",
  coupon_leakage: "Coupon used without the partner's links",
};

export const SEVERITY_TONE: Record<RiskSeverity, PillTone> = { high: "red", medium: "amber", low: "grey" };

/** A flag on one sale can have its commissions declined; one about the partner can only be cleared. */
export function canDecline(flag: RiskFlag): boolean {
  return flag.status === "open" && flag.conversion_id !== null;
}

/** Flags grouped by partner, in the order the list gave them. */
export function byPartner(flags: RiskFlag[]): { partnerId: number; name: string; flags: RiskFlag[] }[] {
  const groups: { partnerId: number; name: string; flags: RiskFlag[] }[] = [];
  for (const f of flags) {
    const last = groups[groups.length - 1];
    if (last && last.partnerId === f.partner_id) last.flags.push(f);
    else groups.push({ partnerId: f.partner_id, name: f.partner_name, flags: [f] });
  }
  return groups;
}

/** "2 new flags: 1 self-referral, 1 refund spike; 1 holds commissions." */
export function scanSummary(r: RiskScanReport): string {
  const total = r.raised.reduce((n, c) => n + c.count, 0);
  if (total === 0 && r.closed === 0) return "Nothing new found.";
  const parts = r.raised.map((c) => `${c.count} ${CHECK_TITLES[c.check].toLowerCase()}`);
  let text = total === 0 ? "No new flags." : `${plural(total, "new flag")}: ${parts.join(", ")}.`;
  if (r.holding > 0) text += ` ${r.holding} ${r.holding === 1 ? "holds" : "hold"} commissions until cleared.`;
  if (r.closed > 0) text += ` ${plural(r.closed, "flag")} closed: the account is no longer shared.`;
  return text;
}
