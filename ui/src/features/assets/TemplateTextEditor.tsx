import { Save } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { Asset } from "../../bindings/Asset";
import type { AssetDetail } from "../../bindings/AssetDetail";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import type { PartnerRef } from "../../components/PartnerSearchSelect";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { describeError, toAppError } from "../../lib/errors";
import { useFetched } from "../../lib/useFetched";
import { PlaceholderChips } from "../email/PlaceholderChips";
import "../email/email.css";
import { assetsApi } from "./api";

export const TEMPLATE_PLACEHOLDERS = [
  "{{partner.name}}",
  "{{partner.first_name}}",
  "{{partner.email}}",
  "{{partner.company}}",
  "{{program.name}}",
  "{{program.business_name}}",
  "{{referral_link}}",
  "{{referral_code}}",
  "{{coupon}}",
];

const PREVIEW_DELAY_MS = 300;

type Props = {
  asset: Asset;
  /** The partner chosen in "Preview for partner"; null: no live preview. */
  partner: PartnerRef | null;
  /** Saved as a new version. */
  onSaved: (detail: AssetDetail) => void;
};

/** A text template's editor (loads the current version's text), with placeholders and a live preview. */
export function TemplateTextEditor(props: Props) {
  const fetched = useFetched(`${props.asset.id}:${props.asset.current.version}`, () => assetsApi.text(props.asset.id), { keepStale: false });
  if (fetched.data === null || fetched.data === undefined) {
    return fetched.error ? (
      <RetryBanner error={fetched.error} onRetry={fetched.reload} />
    ) : (
      <Spinner size={16} label="Loading the text" />
    );
  }
  return <LoadedEditor key={`${props.asset.id}:${props.asset.current.version}`} {...props} original={fetched.data} />;
}

function LoadedEditor({ asset, partner, onSaved, original }: Props & { original: string }) {
  const [text, setText] = useState(original);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const html = asset.current.mime === "text/html";

  useEffect(() => {
    if (!partner) {
      setPreview(null);
      setError(null);
      return;
    }
    let live = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      assetsApi.previewText(text, html, partner.id, asset.landing_url).then(
        (t) => {
          if (!live) return;
          setError(null);
          setPreview(t);
          setPreviewing(false);
        },
        (e) => {
          if (!live) return;
          setPreview(null);
          setError(describeError(toAppError(e)));
          setPreviewing(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, html, partner, asset.landing_url]);

  const insert = (placeholder: string) => {
    const el = area.current;
    const start = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    const next = text.slice(0, start) + placeholder + text.slice(end);
    setText(next);
    const cursor = start + placeholder.length;
    requestAnimationFrame(() => {
      if (!area.current) return;
      area.current.focus();
      area.current.setSelectionRange(cursor, cursor);
    });
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const d = await assetsApi.saveText(asset.id, text);
      onSaved(d);
    } catch (e) {
      setError(describeError(toAppError(e)));
      setSaving(false);
    }
  };

  return (
    <div className="as-template-editor">
      <PlaceholderChips placeholders={TEMPLATE_PLACEHOLDERS} onInsert={insert} />
      <textarea
        ref={area}
        className="as-template-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        rows={12}
        aria-label="Template text"
        data-testid="asset-template-text"
      />
      {error && <Banner testId="asset-template-error">{error}</Banner>}
      <div className="as-template-actions">
        <Button size="sm" icon={<Save size={13} />} disabled={saving || text === original} onClick={() => void save()} data-testid="asset-template-save">
          Save as new version
        </Button>
        {previewing && <Spinner size={14} label="Updating the preview" />}
      </div>
      {!partner && <p className="as-template-hint">Choose a partner under “Preview for partner” to see the text filled in.</p>}
      {!error && preview !== null && (
        <pre className="as-render-text" data-testid="asset-template-preview">
          {preview}
        </pre>
      )}
    </div>
  );
}
