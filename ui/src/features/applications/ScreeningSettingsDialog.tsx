import { useEffect, useState, type FormEvent } from "react";
import type { Group } from "../../bindings/Group";
import type { ScreeningSettings } from "../../bindings/ScreeningSettings";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { ChipInput } from "../../components/ChipInput";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { formRefusal } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { useFetched } from "../../lib/useFetched";
import { applicationsApi } from "./api";
import { countryCodes, toDraft, toSettings, type ScreeningDraft, type ScreeningErrors } from "./screeningForm";
import { WeightsGrid } from "./WeightsGrid";

type Props = { groups: Group[]; onClose: () => void; onSaved: (s: ScreeningSettings) => void };

const LABELS = { countries: "Countries", weights: "Weights", own_domains: "Our own domains", categories: "Categories" };

function fieldOf(field: string): "minAudience" | "autoMinScore" | null {
  if (field === "min_audience") return "minAudience";
  if (field === "auto_approve") return "autoMinScore";
  return null;
}

/** What the program looks for, what each failed check costs, and when to approve without asking. */
export function ScreeningSettingsDialog({ groups, onClose, onSaved }: Props) {
  const loaded = useFetched("screening-settings", applicationsApi.settings);
  const [draft, setDraft] = useState<ScreeningDraft | null>(null);
  const [errors, setErrors] = useState<ScreeningErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { ref, refused } = useRefusalFocus<HTMLFormElement>();

  useEffect(() => {
    if (loaded.data) setDraft((d) => d ?? toDraft(loaded.data!));
  }, [loaded.data]);

  const patch = (p: Partial<ScreeningDraft>) => setDraft((d) => (d ? { ...d, ...p } : d));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!draft) return;
    const checked = toSettings(draft);
    if ("errors" in checked) {
      setErrors(checked.errors);
      refused();
      return;
    }
    setErrors({});
    setBanner(null);
    setSaving(true);
    try {
      onSaved(await applicationsApi.saveSettings(checked.settings));
    } catch (err) {
      const r = formRefusal(err, fieldOf, LABELS);
      setErrors(r.errors);
      setBanner(r.banner);
      setSaving(false);
      refused();
    }
  };

  return (
    <Dialog
      title="Screening settings"
      description="What the program looks for and what each failed check costs. Scores change when applications are screened again."
      wide
      onClose={() => !saving && onClose()}
      testId="screening-settings-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button variant="primary" busy={saving} disabled={!draft} onClick={() => void submit()} data-testid="screening-save">
            Save settings
          </Button>
        </>
      }
    >
      {!draft ? (
        loaded.error ? (
          <RetryBanner error={loaded.error} onRetry={loaded.reload} />
        ) : (
          <div className="ap-loading">
            <Spinner size={18} label="Loading the settings" />
          </div>
        )
      ) : (
        <form ref={ref} className="ap-form ap-settings" onSubmit={submit} noValidate>
          {banner && <Banner testId="screening-error">{banner}</Banner>}
          <section className="ap-settings-section" aria-label="What the program looks for">
            <h3>What the program looks for</h3>
            <div className="ap-form-row">
              <Field label="Target countries" htmlFor="ap-target" hint="Codes like FR or US. Empty means anywhere.">
                <ChipInput
                  id="ap-target"
                  values={draft.targetCountries}
                  onChange={(v) => patch({ targetCountries: countryCodes(v) })}
                  placeholder="Add a country"
                />
              </Field>
              <Field label="Blocked countries" htmlFor="ap-blocked" hint="Applicants from these get a red flag.">
                <ChipInput
                  id="ap-blocked"
                  values={draft.blockedCountries}
                  onChange={(v) => patch({ blockedCountries: countryCodes(v) })}
                  placeholder="Add a country"
                />
              </Field>
            </div>
            <div className="ap-form-row">
              <Field label="Minimum audience" htmlFor="ap-min-audience" error={errors.minAudience} hint="Empty for no minimum.">
                <input
                  id="ap-min-audience"
                  className="input num"
                  inputMode="numeric"
                  value={draft.minAudience}
                  disabled={saving}
                  aria-invalid={errors.minAudience ? true : undefined}
                  onChange={(e) => patch({ minAudience: e.target.value })}
                  data-testid="screening-min-audience"
                />
              </Field>
              <Field label="Categories" htmlFor="ap-categories" hint="Empty means any.">
                <ChipInput id="ap-categories" values={draft.categories} onChange={(v) => patch({ categories: v })} placeholder="Add a category" />
              </Field>
            </div>
            <div className="ap-form-row">
              <Field label="Our own domains" htmlFor="ap-own-domains" hint="Applicants using them are flagged.">
                <ChipInput id="ap-own-domains" values={draft.ownDomains} onChange={(v) => patch({ ownDomains: v })} placeholder="acme.com" />
              </Field>
              <label className="ap-check-line">
                <input
                  type="checkbox"
                  checked={draft.businessEmailOnly}
                  disabled={saving}
                  onChange={(e) => patch({ businessEmailOnly: e.target.checked })}
                  data-testid="screening-business-email"
                />
                <span>
                  Business email only
                  <span className="field-hint">Flag free-mail addresses (gmail.com…).</span>
                </span>
              </label>
            </div>
          </section>
          <section className="ap-settings-section" aria-label="Auto-approve">
            <h3>Auto-approve</h3>
            <label className="switch ap-switch">
              <input
                type="checkbox"
                role="switch"
                checked={draft.autoEnabled}
                disabled={saving}
                onChange={(e) => patch({ autoEnabled: e.target.checked })}
                data-testid="screening-auto-enabled"
              />
              <span>Approve on import when the score is high enough and no check is red</span>
            </label>
            {draft.autoEnabled && (
              <div className="ap-form-row">
                <Field label="Minimum score" htmlFor="ap-auto-score" error={errors.autoMinScore}>
                  <input
                    id="ap-auto-score"
                    className="input num ap-narrow"
                    inputMode="numeric"
                    value={draft.autoMinScore}
                    disabled={saving}
                    aria-invalid={errors.autoMinScore ? true : undefined}
                    onChange={(e) => patch({ autoMinScore: e.target.value })}
                    data-testid="screening-auto-score"
                  />
                </Field>
                <Field label="Group they join" htmlFor="ap-auto-group">
                  <select
                    id="ap-auto-group"
                    className="input"
                    value={draft.autoGroupId ?? ""}
                    disabled={saving}
                    onChange={(e) => patch({ autoGroupId: e.target.value ? Number(e.target.value) : null })}
                    data-testid="screening-auto-group"
                  >
                    <option value="">No group</option>
                    {groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
            )}
          </section>
          <section className="ap-settings-section" aria-label="Weights">
            <h3>Weights</h3>
            <p className="muted">Points a failed check takes off the score of 100; 0 means the check only informs.</p>
            <WeightsGrid
              weights={draft.weights}
              errors={errors.weights ?? {}}
              disabled={saving}
              onChange={(id, value) => {
                patch({ weights: { ...draft.weights, [id]: value } });
                setErrors((e) => (e.weights?.[id] ? { ...e, weights: { ...e.weights, [id]: "" } } : e));
              }}
            />
          </section>
        </form>
      )}
    </Dialog>
  );
}
