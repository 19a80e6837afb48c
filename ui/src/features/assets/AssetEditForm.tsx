import { useState } from "react";
import type { Asset } from "../../bindings/Asset";
import type { AssetDetail } from "../../bindings/AssetDetail";
import type { AssetKind } from "../../bindings/AssetKind";
import type { Group } from "../../bindings/Group";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { ChipInput } from "../../components/ChipInput";
import { Field } from "../../components/Field";
import { formRefusal } from "../../lib/errors";
import { assetsApi } from "./api";
import { KIND_LABELS, KINDS } from "./labels";

type FieldName = "title" | "kind" | "tags" | "groups" | "landing_url";
const FIELDS: Record<string, FieldName> = { title: "title", kind: "kind", tags: "tags", group_ids: "groups", groups: "groups", landing_url: "landing_url" };
const LABELS = { title: "Title", kind: "Kind", tags: "Tags", group_ids: "Groups", landing_url: "Landing URL" };

type Props = { asset: Asset; groups: Group[]; onSaved: (detail: AssetDetail) => void };

/** Title, kind, tags, groups and landing URL, saved together. */
export function AssetEditForm({ asset, groups, onSaved }: Props) {
  const [title, setTitle] = useState(asset.title);
  const [kind, setKind] = useState<AssetKind>(asset.kind);
  const [tags, setTags] = useState(asset.tags);
  const [groupIds, setGroupIds] = useState(asset.group_ids);
  const [landingUrl, setLandingUrl] = useState(asset.landing_url);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const dirty =
    title !== asset.title ||
    kind !== asset.kind ||
    tags.join("\n") !== asset.tags.join("\n") ||
    [...groupIds].sort().join(",") !== [...asset.group_ids].sort().join(",") ||
    landingUrl !== asset.landing_url;

  const save = async () => {
    setSaving(true);
    setErrors({});
    setBanner(null);
    try {
      onSaved(await assetsApi.update(asset.id, { title: title.trim(), kind, tags, group_ids: groupIds, landing_url: landingUrl.trim() }));
    } catch (e) {
      const r = formRefusal<FieldName>(e, (f) => FIELDS[f] ?? null, LABELS);
      setErrors(r.errors);
      setBanner(r.banner);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="as-form"
      aria-label="Asset details"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {banner && <Banner onDismiss={() => setBanner(null)}>{banner}</Banner>}
      <Field label="Title" htmlFor="as-title" error={errors.title}>
        <input id="as-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={errors.title ? true : undefined} data-testid="asset-title" />
      </Field>
      <Field label="Kind" htmlFor="as-kind" error={errors.kind}>
        <select id="as-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as AssetKind)} data-testid="asset-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Tags" htmlFor="as-tags" error={errors.tags} hint="Enter or comma adds a tag.">
        <ChipInput id="as-tags" values={tags} onChange={setTags} placeholder="summer, black friday" invalid={Boolean(errors.tags)} />
      </Field>
      <Field label="Groups" error={errors.groups} hint={groups.length === 0 ? "No groups yet: create them on the Partners screen." : "Kits for these groups include this asset."}>
        {groups.length > 0 && (
          <div className="as-groups" role="group" aria-label="Groups" data-testid="asset-groups">
            {groups.map((g) => (
              <label key={g.id} className="as-group">
                <input
                  type="checkbox"
                  checked={groupIds.includes(g.id)}
                  onChange={(e) => setGroupIds(e.target.checked ? [...groupIds, g.id] : groupIds.filter((id) => id !== g.id))}
                />
                {g.name}
              </label>
            ))}
          </div>
        )}
      </Field>
      <Field label="Landing URL" htmlFor="as-landing" error={errors.landing_url} hint="Where the referral link sends visitors; empty for the website's home page.">
        <input
          id="as-landing"
          className="input"
          placeholder="https://www.example.com/summer"
          value={landingUrl}
          onChange={(e) => setLandingUrl(e.target.value)}
          aria-invalid={errors.landing_url ? true : undefined}
          data-testid="asset-landing-url"
        />
      </Field>
      <div className="as-form-actions">
        <Button type="submit" variant="primary" size="sm" busy={saving} disabled={!dirty} data-testid="asset-save">
          Save
        </Button>
      </div>
    </form>
  );
}
