import { useEffect, useState } from "react";
import { Banner } from "../../components/Banner";
import { PartnerSearchSelect, type PartnerRef } from "../../components/PartnerSearchSelect";
import { Spinner } from "../../components/Spinner";
import { describeError, toAppError } from "../../lib/errors";
import { assetsApi } from "./api";

/**
 * A template filled in for one partner. Shown as plain text: an HTML
 * template's markup is shown, never run (partner text is untrusted).
 */
type Props = {
  assetId: number;
  version: number;
  /** The chosen partner (also drives the template editor's live preview). */
  partner: PartnerRef | null;
  onPartnerChange: (partner: PartnerRef | null) => void;
};

export function RenderPreview({ assetId, version, partner, onPartnerChange }: Props) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setText(null);
    setError(null);
    if (!partner) return;
    let live = true;
    setLoading(true);
    assetsApi.render(assetId, partner.id).then(
      (t) => live && (setText(t), setLoading(false)),
      (e) => live && (setError(describeError(toAppError(e))), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [assetId, version, partner]);

  return (
    <div className="as-render">
      <PartnerSearchSelect
        value={partner}
        onChange={onPartnerChange}
        placeholder="Preview for partner…"
        ariaLabel="Preview for partner"
        clearLabel="Clear the partner"
        testId="asset-render-partner"
      />
      {loading && <Spinner size={16} label="Rendering" />}
      {error && <Banner>{error}</Banner>}
      {text !== null && (
        <pre className="as-render-text" data-testid="asset-render">
          {text}
        </pre>
      )}
    </div>
  );
}
