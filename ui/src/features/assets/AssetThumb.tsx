import { useRef } from "react";
import type { Asset } from "../../bindings/Asset";
import { cx } from "../../lib/cx";
import { KindIcon } from "./KindIcon";
import { useThumbnail } from "./useThumbnail";

/** The asset's picture, loaded when on screen; an icon for text and other files. */
export function AssetThumb({ asset, large = false }: { asset: Asset; large?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const { url } = useThumbnail(ref, asset.id, asset.current.sha256);
  return (
    <div ref={ref} className={cx("as-thumb", large && "as-thumb-large")} data-testid={large ? "asset-preview" : "asset-thumb"}>
      {url ? <img src={url} alt={asset.title} draggable={false} /> : <KindIcon kind={asset.kind} mime={asset.current.mime} size={large ? 40 : 28} />}
    </div>
  );
}
