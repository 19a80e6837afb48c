import { useState } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { fieldError, sentence, describeError, toAppError } from "../../lib/errors";
import { assetsApi } from "./api";

type Props = {
  /** Null while loading. */
  url: string | null;
  onSaved: (url: string) => void;
};

/** The website referral links are built on, changed in place; a warning when there is none. */
export function BaseUrlLine({ url, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = () => {
    setDraft(url ?? "");
    setError(null);
    setEditing(true);
  };

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await assetsApi.setBaseUrl(draft.trim());
      onSaved(saved);
      setEditing(false);
    } catch (e) {
      const err = toAppError(e);
      const fe = fieldError(err);
      setError(fe?.field === "base_url" ? sentence(fe.message) : describeError(err));
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    return (
      <form
        className="as-base-url as-base-url-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="as-base-url-input" className="muted">
          Program website
        </label>
        <input
          id="as-base-url-input"
          className="input input-sm"
          placeholder="https://www.example.com"
          value={draft}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "as-base-url-error" : undefined}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="assets-base-url-input"
        />
        <Button size="sm" variant="primary" type="submit" busy={saving} data-testid="assets-base-url-save">
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
        {error && (
          <p className="field-error" role="alert" id="as-base-url-error" data-testid="assets-base-url-error">
            {error}
          </p>
        )}
      </form>
    );
  }

  if (url === null) return null;
  if (url === "") {
    return (
      <Banner kind="warning" testId="assets-base-url-missing">
        Set your program's website so the referral links in templates and kits work.{" "}
        <Button variant="link" size="sm" onClick={edit} data-testid="assets-base-url-change">
          Set website
        </Button>
      </Banner>
    );
  }
  return (
    <p className="as-base-url" data-testid="assets-base-url">
      <span className="muted">Referral links are built on:</span> <span className="as-url">{url}</span>{" "}
      <Button variant="link" size="sm" onClick={edit} data-testid="assets-base-url-change">
        Change
      </Button>
    </p>
  );
}
