import { Download } from "lucide-react";
import type { AssetVersion } from "../../bindings/AssetVersion";
import { Button } from "../../components/Button";
import { formatDateTime } from "../../lib/format";
import { formatBytes, sizeText } from "./labels";

type Props = { versions: AssetVersion[]; busy: boolean; onSaveCopy: (v: AssetVersion) => void };

/** Every stored version, newest first, each with Save a copy. */
export function AssetVersions({ versions, busy, onSaveCopy }: Props) {
  return (
    <ul className="as-versions" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.version} data-testid="asset-version">
          <span className="as-version num">v{v.version}</span>
          <span className="as-version-file" title={v.file_name}>
            {v.file_name}
          </span>
          <span className="num muted">
            {[sizeText(v), formatBytes(v.size)].filter(Boolean).join(" · ")}
          </span>
          <span className="muted as-version-date">{formatDateTime(v.added_at)}</span>
          <Button size="sm" variant="ghost" icon={<Download size={13} />} disabled={busy} onClick={() => onSaveCopy(v)} aria-label={`Save a copy of v${v.version}`}>
            Save a copy…
          </Button>
        </li>
      ))}
    </ul>
  );
}
