// Assets for tests: a plausible banner, changed by `patch`.
import type { Asset } from "../bindings/Asset";
import type { AssetDetail } from "../bindings/AssetDetail";
import type { AssetVersion } from "../bindings/AssetVersion";

export function assetVersion(version: number, patch: Partial<AssetVersion> = {}): AssetVersion {
  return {
    version,
    sha256: `sha-${version}`,
    file_name: "banner.png",
    size: 20480,
    mime: "image/png",
    width: 300,
    height: 250,
    added_at: "2026-03-01T09:00:00Z",
    ...patch,
  };
}

export function asset(id: number, patch: Partial<Asset> = {}): Asset {
  return {
    id,
    title: `Asset ${id}`,
    kind: "banner",
    landing_url: "",
    archived: false,
    tags: [],
    group_ids: [],
    current: assetVersion(1, { sha256: `sha-${id}` }),
    versions: 1,
    created_at: "2026-03-01T09:00:00Z",
    updated_at: "2026-03-01T09:00:00Z",
    ...patch,
  };
}

export function assetDetail(a: Asset, patch: Partial<AssetDetail> = {}): AssetDetail {
  return { asset: a, versions: [a.current], sends: [], ...patch };
}
