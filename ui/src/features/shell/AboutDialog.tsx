import type { AppAbout } from "../../bindings/AppAbout";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Spinner } from "../../components/Spinner";
import { describeError } from "../../lib/errors";
import { useFetched } from "../../lib/useFetched";
import { useFileActions } from "../files/useFileActions";
import { bookApi } from "../book/api";

/** Which build this is, the open book's schema and where the logs are: what a bug report needs. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const about = useFetched<AppAbout>("about", () => bookApi.about());
  const files = useFileActions();
  const a = about.data;
  return (
    <Dialog title="About Partnerbook" onClose={onClose} testId="about-dialog" footer={<Button onClick={onClose}>Close</Button>}>
      {about.error && <Banner>{describeError(about.error)}</Banner>}
      {!a ? (
        about.loading && <Spinner size={18} label="Reading" />
      ) : (
        <dl className="about-facts">
          <dt>Version</dt>
          <dd data-testid="about-version">
            {a.version} <span className="muted">(commit {a.commit})</span>
          </dd>
          <dt>Book schema</dt>
          <dd data-testid="about-schema">
            {a.book_schema === null ? `no book open; this version reads schema ${a.schema}` : `${a.book_schema} (this version reads ${a.schema})`}
          </dd>
          <dt>Logs</dt>
          <dd>
            <code className="about-path">{a.log_dir}</code>{" "}
            <Button variant="link" size="sm" onClick={() => files.reveal(a.log_dir)} data-testid="about-logs">
              Show
            </Button>
          </dd>
        </dl>
      )}
      {files.error && <Banner onDismiss={files.dismiss}>{files.error}</Banner>}
    </Dialog>
  );
}
