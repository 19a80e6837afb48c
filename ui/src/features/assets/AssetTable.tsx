import type { Asset } from "../../bindings/Asset";
import { Pill } from "../../components/Pill";
import { cx } from "../../lib/cx";
import { formatDate } from "../../lib/format";
import { formatBytes, KIND_LABELS, KIND_TONES, sizeText, versionText } from "./labels";

type Props = { assets: Asset[]; selectedId: number | null; onSelect: (id: number) => void };

/** The compact view: one row per asset. */
export function AssetTable({ assets, selectedId, onSelect }: Props) {
  return (
    <table className="as-table" data-testid="assets-table">
      <thead>
        <tr>
          <th>Title</th>
          <th>Kind</th>
          <th>Size</th>
          <th className="as-right">File</th>
          <th>Version</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {assets.map((a) => (
          <tr
            key={a.id}
            className={cx(a.id === selectedId && "as-row-selected", a.archived && "as-archived")}
            aria-selected={a.id === selectedId}
            onClick={() => onSelect(a.id)}
            data-testid="asset-row"
            data-id={a.id}
          >
            <td className="as-row-title">
              <button type="button" className="as-row-button" onClick={() => onSelect(a.id)}>
                {a.title}
              </button>
            </td>
            <td>
              <Pill tone={KIND_TONES[a.kind]}>{KIND_LABELS[a.kind]}</Pill>
            </td>
            <td className="num">{sizeText(a.current)}</td>
            <td className="num as-right">{formatBytes(a.current.size)}</td>
            <td className="num">{versionText(a)}</td>
            <td className="muted">{formatDate(a.updated_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
