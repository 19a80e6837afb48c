import { Plus } from "lucide-react";
import { useState } from "react";
import type { TermsVersion } from "../../bindings/TermsVersion";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import type { Fetched } from "../../lib/useFetched";
import { PublishTermsForm } from "./PublishTermsForm";
import { TermsList } from "./TermsList";

type Props = { terms: Fetched<TermsVersion[]>; onClose: () => void; onPublished: (t: TermsVersion) => void };

/** The program's terms: every published version, and publishing a new one. */
export function TermsDialog({ terms, onClose, onPublished }: Props) {
  const [publishing, setPublishing] = useState(false);
  const list = terms.data;
  return (
    <Dialog
      title="Program terms"
      description="Partners accept the newest version; each version is kept as it was published."
      wide
      onClose={onClose}
      testId="terms-dialog"
      footer={
        publishing ? undefined : (
          <>
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" icon={<Plus size={15} />} onClick={() => setPublishing(true)} data-testid="terms-publish">
              Publish new version…
            </Button>
          </>
        )
      }
    >
      {publishing ? (
        <PublishTermsForm
          onCancel={() => setPublishing(false)}
          onPublished={(t) => {
            setPublishing(false);
            onPublished(t);
          }}
        />
      ) : terms.error && !list ? (
        <RetryBanner error={terms.error} onRetry={terms.reload} />
      ) : list === null ? (
        <div className="ob-loading">
          <Spinner size={18} label="Loading the terms" />
        </div>
      ) : (
        <TermsList versions={list} />
      )}
    </Dialog>
  );
}
