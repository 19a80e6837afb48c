import type { TermsVersion } from "../../bindings/TermsVersion";
import { Pill } from "../../components/Pill";
import { formatDate, plural } from "../../lib/format";

/** Published versions, newest first, with how many active partners accepted each. */
export function TermsList({ versions }: { versions: TermsVersion[] }) {
  if (versions.length === 0) {
    return (
      <p className="muted" data-testid="terms-empty">
        No terms published yet. Until you publish some, any version a partner accepted counts.
      </p>
    );
  }
  return (
    <table className="ob-terms" data-testid="terms-list">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Published</th>
          <th scope="col" className="ob-terms-num">
            Accepted by
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((t, i) => (
          <tr key={t.version} data-testid="terms-version">
            <td>
              <span className="ob-terms-version">{t.version}</span>
              {i === 0 && (
                <Pill tone="indigo" testId="terms-current">
                  Current
                </Pill>
              )}
              <details className="ob-terms-text">
                <summary>Text</summary>
                <pre>{t.body}</pre>
              </details>
            </td>
            <td className="num">{formatDate(t.published_at)}</td>
            <td className="num ob-terms-num">{plural(t.accepted_by, "partner")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
