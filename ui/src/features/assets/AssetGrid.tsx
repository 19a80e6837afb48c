import type { Asset } from "../../bindings/Asset";
import { AssetCard } from "./AssetCard";

type Props = { assets: Asset[]; selectedId: number | null; onSelect: (id: number) => void };

export function AssetGrid({ assets, selectedId, onSelect }: Props) {
  return (
    <div className="as-grid" data-testid="assets-grid">
      {assets.map((a) => (
        <AssetCard key={a.id} asset={a} selected={a.id === selectedId} onSelect={onSelect} />
      ))}
    </div>
  );
}
