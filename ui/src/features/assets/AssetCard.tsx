import type { Asset } from "../../bindings/Asset";
import { Pill } from "../../components/Pill";
import { cx } from "../../lib/cx";
import { AssetThumb } from "./AssetThumb";
import { formatBytes, KIND_LABELS, KIND_TONES, sizeText, versionText } from "./labels";

type Props = { asset: Asset; selected: boolean; onSelect: (id: number) => void };

export function AssetCard({ asset, selected, onSelect }: Props) {
  const size = sizeText(asset.current);
  const version = versionText(asset);
  return (
    <button
      type="button"
      className={cx("as-card", selected && "as-card-selected", asset.archived && "as-archived")}
      aria-pressed={selected}
      onClick={() => onSelect(asset.id)}
      data-testid="asset-card"
      data-id={asset.id}
    >
      <AssetThumb asset={asset} />
      <span className="as-card-title" title={asset.title}>
        {asset.title}
      </span>
      <span className="as-card-meta">
        <Pill tone={KIND_TONES[asset.kind]}>{KIND_LABELS[asset.kind]}</Pill>
        {size && <span className="num">{size}</span>}
        <span className="num muted">{formatBytes(asset.current.size)}</span>
        {version && <span className="as-version num">{version}</span>}
      </span>
    </button>
  );
}
