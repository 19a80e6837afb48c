import type { AssetSend } from "../../bindings/AssetSend";
import { formatDateTime } from "../../lib/format";

/** Who received the asset, which version, how and when. */
export function AssetSends({ sends }: { sends: AssetSend[] }) {
  if (sends.length === 0) return <p className="muted" data-testid="asset-sends-none">Not sent to anyone yet.</p>;
  return (
    <ul className="as-sends" aria-label="Where it was sent">
      {sends.map((s, i) => (
        <li key={`${s.partner_id}:${s.sent_at}:${i}`} data-testid="asset-send">
          <span className="as-send-name">{s.partner_name}</span>
          <span className="as-version num">v{s.version}</span>
          <span className="muted">{s.via}</span>
          <span className="muted as-send-date">{formatDateTime(s.sent_at)}</span>
        </li>
      ))}
    </ul>
  );
}
