import { Archive, ArchiveRestore, Upload, X } from "lucide-react";
import { useEffect, useState } from "react";
import type { AssetDetail } from "../../bindings/AssetDetail";
import type { AssetVersion } from "../../bindings/AssetVersion";
import type { Group } from "../../bindings/Group";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import type { PartnerRef } from "../../components/PartnerSearchSelect";
import { Pill } from "../../components/Pill";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { describeError, toAppError } from "../../lib/errors";
import { useFetched } from "../../lib/useFetched";
import { assetsApi, chooseCopyPath, chooseNewVersion } from "./api";
import { AssetEditForm } from "./AssetEditForm";
import { AssetSends } from "./AssetSends";
import { AssetThumb } from "./AssetThumb";
import { AssetVersions } from "./AssetVersions";
import { formatBytes, isEditableTemplate, isTemplate, KIND_LABELS, KIND_TONES } from "./labels";
import { RenderPreview } from "./RenderPreview";
import { TemplateTextEditor } from "./TemplateTextEditor";

type Props = {
  assetId: number;
  groups: Group[];
  onClose: () => void;
  /** Something about the asset changed: the list reloads. */
  onChanged: () => void;
};

type Notice = { kind: "success" | "error"; text: string };

/** One asset: its picture, details, versions, where it went, and a template's preview. */
export function AssetPanel({ assetId, groups, onClose, onChanged }: Props) {
  const [version, setVersion] = useState(0);
  const fetched = useFetched(`${assetId}:${version}`, () => assetsApi.get(assetId), { keepStale: false });
  const [override, setOverride] = useState<AssetDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [partner, setPartner] = useState<PartnerRef | null>(null);

  useEffect(() => setOverride(null), [fetched.data]);
  useEffect(() => setNotice(null), [assetId]);
  const detail = override && override.asset.id === assetId ? override : fetched.data;

  const act = async (work: () => Promise<Notice | null>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (e) {
      setNotice({ kind: "error", text: describeError(toAppError(e)) });
    } finally {
      setBusy(false);
    }
  };

  const updated = (d: AssetDetail) => {
    setOverride(d);
    onChanged();
  };

  const saveCopy = (v: AssetVersion) =>
    act(async () => {
      const out = await chooseCopyPath(v.file_name);
      if (!out) return null;
      const bytes = await assetsApi.export(assetId, v.version, out);
      return { kind: "success", text: `Saved a copy of v${v.version} (${formatBytes(bytes)}).` };
    });

  const uploadVersion = (title: string) =>
    act(async () => {
      const path = await chooseNewVersion(title);
      if (!path) return null;
      const d = await assetsApi.addVersion(assetId, path);
      updated(d);
      return { kind: "success", text: `Added v${d.asset.current.version}.` };
    });

  const setArchived = (archived: boolean) =>
    act(async () => {
      await assetsApi.setArchived(assetId, archived);
      setVersion((n) => n + 1);
      onChanged();
      return { kind: "success", text: archived ? "Archived: kits and the list leave it out." : "Restored." };
    });

  const asset = detail?.asset ?? null;
  return (
    <aside className="side-panel as-panel" aria-label={asset ? asset.title : "Asset"} data-testid="asset-detail">
      <header className="side-panel-header as-panel-header">
        <div className="side-panel-heading as-panel-heading">
          <h2 title={asset?.title}>{asset?.title ?? "Asset"}</h2>
          {asset && (
            <span className="as-panel-sub">
              <Pill tone={KIND_TONES[asset.kind]}>{KIND_LABELS[asset.kind]}</Pill>
              {asset.archived && <Pill tone="muted">Archived</Pill>}
            </span>
          )}
        </div>
        <Button variant="ghost" size="sm" icon={<X size={16} />} onClick={onClose} aria-label="Close" data-testid="asset-close" />
      </header>
      {!detail ? (
        <div className="side-panel-body as-panel-body">
          {fetched.error ? <RetryBanner error={fetched.error} onRetry={() => setVersion((n) => n + 1)} /> : <Spinner size={18} label="Loading the asset" />}
        </div>
      ) : (
        <div className="side-panel-body as-panel-body">
          {notice && (
            <Banner kind={notice.kind} onDismiss={() => setNotice(null)} testId="asset-notice">
              {notice.text}
            </Banner>
          )}
          <AssetThumb asset={detail.asset} large />
          <AssetEditForm key={`${detail.asset.id}:${detail.asset.updated_at}`} asset={detail.asset} groups={groups} onSaved={(d) => (updated(d), setNotice({ kind: "success", text: "Saved." }))} />

          <section className="as-section">
            <div className="as-section-head">
              <h3>Versions</h3>
              <Button size="sm" icon={<Upload size={13} />} disabled={busy} onClick={() => void uploadVersion(detail.asset.title)} data-testid="asset-upload-version">
                Upload new version…
              </Button>
            </div>
            <AssetVersions versions={detail.versions} busy={busy} onSaveCopy={(v) => void saveCopy(v)} />
          </section>

          {isTemplate(detail.asset) && (
            <section className="as-section">
              <h3>Preview for partner</h3>
              <RenderPreview assetId={detail.asset.id} version={detail.asset.current.version} partner={partner} onPartnerChange={setPartner} />
            </section>
          )}

          {isEditableTemplate(detail.asset) && (
            <section className="as-section" data-testid="asset-template-editor">
              <h3>Edit the template</h3>
              <TemplateTextEditor
                asset={detail.asset}
                partner={partner}
                onSaved={(d) => (updated(d), setNotice({ kind: "success", text: `Saved as v${d.asset.current.version}.` }))}
              />
            </section>
          )}

          <section className="as-section">
            <h3>Where it was sent</h3>
            <AssetSends sends={detail.sends} />
          </section>
        </div>
      )}
      {detail && (
        <footer className="side-panel-footer as-panel-footer">
          {detail.asset.archived ? (
            <Button icon={<ArchiveRestore size={14} />} disabled={busy} onClick={() => void setArchived(false)} data-testid="asset-restore">
              Restore
            </Button>
          ) : (
            <Button icon={<Archive size={14} />} disabled={busy} onClick={() => void setArchived(true)} data-testid="asset-archive">
              Archive
            </Button>
          )}
        </footer>
      )}
    </aside>
  );
}
