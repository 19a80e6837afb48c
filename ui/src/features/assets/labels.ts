import type { Asset } from "../../bindings/Asset";
import type { AssetKind } from "../../bindings/AssetKind";
import type { AssetVersion } from "../../bindings/AssetVersion";
import type { PillTone } from "../../components/Pill";
import { formatCount } from "../../lib/format";

export const KIND_LABELS: Record<AssetKind, string> = {
  banner: "Banner",
  image: "Image",
  document: "Document",
  email_template: "Email template",
  social_post: "Social post",
  text_snippet: "Text snippet",
  landing_page: "Landing page",
};

export const KINDS = Object.keys(KIND_LABELS) as AssetKind[];

export const KIND_TONES: Record<AssetKind, PillTone> = {
  banner: "indigo",
  image: "blue",
  document: "grey",
  email_template: "violet",
  social_post: "green",
  text_snippet: "amber",
  landing_page: "muted",
};

const TEMPLATE_KINDS: AssetKind[] = ["email_template", "social_post", "text_snippet", "landing_page"];

/** A text asset whose placeholders ({{referral_link}}…) are filled in per partner. */
export function isTemplate(asset: Asset): boolean {
  return TEMPLATE_KINDS.includes(asset.kind) || asset.current.mime.startsWith("text/");
}

const EDITABLE_KINDS: AssetKind[] = ["email_template", "social_post", "text_snippet"];

/** A text template that can be edited in the app: plain text or HTML. */
export function isEditableTemplate(asset: Asset): boolean {
  return EDITABLE_KINDS.includes(asset.kind) && (asset.current.mime === "text/plain" || asset.current.mime === "text/html");
}

/** "12 B", "3.4 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : formatCount(Math.round(value))} ${units[unit]}`;
}

/** "300×250" for an image, "" otherwise. */
export function sizeText(v: AssetVersion): string {
  return v.width !== null && v.height !== null ? `${v.width}×${v.height}` : "";
}

/** "v2" when an asset has more than one version, "" otherwise. */
export function versionText(asset: Asset): string {
  return asset.versions > 1 ? `v${asset.current.version}` : "";
}

/** "Added 3 files (1 already in the book), 1.2 MB stored." */
export function addedText(report: { added: number[]; deduplicated: number; bytes_stored: number }): string {
  const n = report.added.length;
  const files = `${formatCount(n)} ${n === 1 ? "file" : "files"}`;
  const dup = report.deduplicated > 0 ? ` (${formatCount(report.deduplicated)} already in the book)` : "";
  return `Added ${files}${dup}, ${formatBytes(report.bytes_stored)} stored.`;
}
