import type { ReactNode } from "react";
import type { Application } from "../../bindings/Application";
import { countryName, formatDate } from "../../lib/format";
import { audienceText } from "./labels";

/** What the applicant told us, field by field, as text (links are not followed from here). */
export function ApplicationFacts({ a }: { a: Application }) {
  return (
    <dl className="ap-facts" data-testid="application-facts">
      <Fact label="Email">{a.email}</Fact>
      <Fact label="Website">{a.website || <Missing />}</Fact>
      {a.domain && a.domain !== a.website && <Fact label="Domain">{a.domain}</Fact>}
      <Fact label="Country">{a.country ? `${countryName(a.country)} (${a.country})` : <Missing />}</Fact>
      <Fact label="Audience">{audienceText(a.audience_size)}</Fact>
      <Fact label="Categories">{a.categories.length ? a.categories.join(", ") : <Missing />}</Fact>
      <Fact label="Profiles">
        {a.social_profiles.length ? (
          <ul className="ap-plain-list">
            {a.social_profiles.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <Missing />
        )}
      </Fact>
      <Fact label="Payout account">{a.payout_account || <Missing />}</Fact>
      <Fact label="Applied">{formatDate(a.created_at)}</Fact>
      {a.screened_at && <Fact label="Screened">{formatDate(a.screened_at)}</Fact>}
      {a.partner_id !== null && <Fact label="Partner">#{a.partner_id}</Fact>}
    </dl>
  );
}

function Missing() {
  return <span className="muted">Not given</span>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ap-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
