import type { AssetKind } from "../../bindings/AssetKind";
import type { AssetQuery } from "../../bindings/AssetQuery";

export type Filters = {
  kind: AssetKind | "";
  tag: string;
  groupId: number | null;
  /** As typed: "300x250" (or "300×250"). */
  size: string;
  text: string;
  archived: boolean;
};

export const DEFAULT_FILTERS: Filters = { kind: "", tag: "", groupId: null, size: "", text: "", archived: false };

/** "300x250" from "300 × 250"; null for an empty box; undefined when it is not a size. */
export function parseSize(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,5})\s*[x×X]\s*(\d{1,5})$/.exec(t);
  return m ? `${Number(m[1])}x${Number(m[2])}` : undefined;
}

export function toQuery(f: Filters): AssetQuery {
  return {
    kind: f.kind === "" ? null : f.kind,
    tag: f.tag.trim() || null,
    group_id: f.groupId,
    size: parseSize(f.size) ?? null,
    text: f.text.trim() || null,
    archived: f.archived,
  };
}

export function hasFilters(f: Filters): boolean {
  return f.kind !== "" || f.tag.trim() !== "" || f.groupId !== null || f.size.trim() !== "" || f.text.trim() !== "";
}
