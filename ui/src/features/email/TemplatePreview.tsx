import type { MailPreview } from "../../bindings/MailPreview";
import { Banner } from "../../components/Banner";
import { Spinner } from "../../components/Spinner";
import { cx } from "../../lib/cx";

type Props = {
  preview: MailPreview | null;
  /** Why the preview shown is not the draft's (a refused field, no partner…). */
  problem: string | null;
  pending: boolean;
};

/**
 * What the partner would receive. Everything is shown as text; the HTML part
 * only inside a sandboxed frame (no scripts, no forms, no links out).
 */
export function TemplatePreview({ preview, problem, pending }: Props) {
  return (
    <section className="em-preview" aria-label="Preview" aria-busy={pending} data-testid="template-preview">
      <div className="em-preview-head">
        <h3>Preview</h3>
        {pending && <Spinner size={12} label="Updating the preview" />}
      </div>
      {problem && <Banner kind="info">{problem}</Banner>}
      {preview && (
        <div className={cx("em-preview-body", problem && "em-preview-stale")}>
          <dl className="em-preview-facts">
            <div>
              <dt>To</dt>
              <dd data-testid="template-preview-to">{preview.to}</dd>
            </div>
            <div>
              <dt>Subject</dt>
              <dd data-testid="template-preview-subject">{preview.subject}</dd>
            </div>
          </dl>
          <pre className="em-preview-text" data-testid="template-preview-text">
            {preview.text_body}
          </pre>
          {preview.html_body.trim() ? (
            <>
              <iframe className="em-preview-html" title="HTML version" sandbox="" srcDoc={preview.html_body} data-testid="template-preview-html" />
              <details className="em-preview-source">
                <summary>HTML source</summary>
                <pre>{preview.html_body}</pre>
              </details>
            </>
          ) : (
            <p className="muted">No HTML version: partners get the plain text.</p>
          )}
        </div>
      )}
    </section>
  );
}
