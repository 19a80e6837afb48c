// Words for sync: the platforms, the resources, a run's outcome in a
// sentence, and why a connection's keys may not outlive this session.

import type { PlatformName } from "../../bindings/PlatformName";
import type { Resource } from "../../bindings/Resource";
import type { ResourceReport } from "../../bindings/ResourceReport";
import type { ScreenedSync } from "../../bindings/ScreenedSync";
import { describeError, sentence, toAppError } from "../../lib/errors";
import { formatCount, plural } from "../../lib/format";

export const PLATFORM_TITLES: Record<PlatformName, string> = {
  partnerstack: "PartnerStack",
  rewardful: "Rewardful",
};

/** The platform's own API address, used when the base URL is left empty. */
export const DEFAULT_BASE_URLS: Record<PlatformName, string> = {
  partnerstack: "https://api.partnerstack.com/api/v2",
  rewardful: "https://api.getrewardful.com/v1",
};

/**
 * A new connection's name unless another is typed: the platform's own name,
 * which is also the one the command line's `sync partnerstack` uses.
 */
export function defaultConnectionName(platform: PlatformName): string {
  return platform;
}

/** What each platform calls its keys: the first goes in `user`, the second in `password`. */
export const KEY_LABELS: Record<PlatformName, { user: string; password: string | null }> = {
  partnerstack: { user: "Public key", password: "Secret key" },
  rewardful: { user: "API secret", password: null },
};

export const RESOURCE_LABELS: Record<Resource, string> = {
  groups: "Groups",
  partners: "Partners",
  customers: "Customers",
  transactions: "Transactions",
  rewards: "Rewards",
  leads: "Leads",
  deals: "Deals",
  payouts: "Payouts",
};

export function resourceLabel(r: Resource | null): string {
  return r ? RESOURCE_LABELS[r] : "—";
}

/** Records a run left out, all reasons together. */
export function skippedTotal(r: ResourceReport): number {
  return Object.values(r.skipped).reduce((n, c) => n + c, 0);
}

/** The reasons records were left out, largest first: "1 a test partner (gstest)". */
export function skippedReasons(r: ResourceReport): string[] {
  return Object.entries(r.skipped)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, count]) => (count > 0 ? `${formatCount(count)} ${reason}` : reason));
}

/** A run in one sentence: what it added, changed and left out, and the conflicts it met. */
export function runSummary(report: ScreenedSync): string {
  const sum = (f: (r: ResourceReport) => number) => report.resources.reduce((n, r) => n + f(r), 0);
  const added = sum((r) => r.added);
  const changed = sum((r) => r.changed);
  const skipped = sum(skippedTotal);
  const conflicts = sum((r) => r.conflicts);
  const counts = `${formatCount(added)} added, ${formatCount(changed)} changed, ${formatCount(skipped)} skipped`;
  const met = conflicts === 0 ? "no new conflicts" : plural(conflicts, "new conflict");
  if (report.dry_run) {
    return `Dry run of ${report.connection}: a sync now would give ${counts}, ${met}. Nothing was written.`;
  }
  const computed =
    report.commissions_computed > 0 ? ` Commissions computed for ${plural(report.commissions_computed, "sale")}.` : "";
  return `Synced ${report.connection}: ${counts}, ${met}.${computed}`;
}

/** Which value a conflict kept, in words. */
export function keptLabel(kept: string): string {
  if (kept === "platform") return "Platform's";
  if (kept === "ours") return "Ours";
  return kept;
}

/** Why saved keys will not outlive this session: the system has no keychain. */
export function sessionKeysText(reason: string): string {
  return (
    `No system keychain is available (${reason}). The keys are kept only until Partnerbook closes: ` +
    `sync works now, but after a restart the connection has no keys.`
  );
}

/**
 * How to give keys to a connection that has none (none in the keychain, this
 * session or the environment): Replace keys on its row in Settings ›
 * Connections, said from there or from the Sync screen; or the environment.
 */
export function noKeysText(name: string, platform: PlatformName, from: "settings" | "sync"): string {
  const env =
    platform === "partnerstack"
      ? "PARTNERBOOK_PARTNERSTACK_PUBLIC_KEY and PARTNERBOOK_PARTNERSTACK_SECRET_KEY"
      : "PARTNERBOOK_REWARDFUL_SECRET_KEY";
  const where = from === "settings" ? "\u201cReplace keys\u201d" : "\u201cReplace keys\u201d in Settings \u203a Connections";
  return `No keys for ${name}: enter them with ${where}, or set ${env} before starting Partnerbook.`;
}

/**
 * A sync command's refusal in words. A refusal of the keys already says so
 * ("PartnerStack refused the keys…"), so it is not prefixed with "Keys:".
 */
export function syncErrorText(error: unknown): string {
  const e = toAppError(error);
  if (e.field === "keys") return sentence(e.message);
  return describeError(e, { base_url: "Base URL", name: "Name", platform: "Platform", period: "Month" });
}
