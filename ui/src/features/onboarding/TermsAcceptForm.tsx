import { useEffect, useState, type FormEvent } from "react";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { TermsVersion } from "../../bindings/TermsVersion";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { describeError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { useRecord } from "./useRecord";

type Props = {
  row: OnboardingRow;
  terms: TermsVersion[] | null;
  onSaved: (row: OnboardingRow, what: string) => void;
  onOpenTerms: () => void;
};

/** Records that the partner accepted a published version of the terms (the newest unless chosen). */
export function TermsAcceptForm({ row, terms, onSaved, onOpenTerms }: Props) {
  const [version, setVersion] = useState("");
  const { saving, error, record } = useRecord(row.partner_id, onSaved);

  useEffect(() => {
    if (terms && terms.length > 0) setVersion((v) => (terms.some((t) => t.version === v) ? v : terms[0].version));
  }, [terms]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (version) void record({ terms: version }, `Terms ${version} accepted`);
  };

  if (terms !== null && terms.length === 0) {
    return (
      <div className="ob-action">
        <h4>Terms</h4>
        <p className="muted">
          No terms are published yet.{" "}
          <Button variant="link" size="sm" onClick={onOpenTerms} data-testid="onboarding-open-terms">
            Publish terms…
          </Button>
        </p>
      </div>
    );
  }

  return (
    <form className="ob-action" onSubmit={submit} aria-label="Terms" noValidate>
      <h4>Terms</h4>
      {error && <Banner testId="onboarding-terms-error">{describeError(error, { terms: "Terms" })}</Banner>}
      <div className="ob-action-row">
        <select
          className="input input-sm"
          aria-label="Terms version"
          value={version}
          disabled={saving || terms === null}
          onChange={(e) => setVersion(e.target.value)}
          data-testid="onboarding-terms-version"
        >
          {(terms ?? []).map((t, i) => (
            <option key={t.version} value={t.version} title={`Published ${formatDate(t.published_at)}`}>
              {i === 0 ? `${t.version} (current)` : t.version}
            </option>
          ))}
        </select>
        <Button type="submit" size="sm" busy={saving} disabled={!version} data-testid="onboarding-terms-accept">
          Mark terms accepted
        </Button>
      </div>
    </form>
  );
}
