import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import type { FxPreview } from "./useEngineJobs";

type Props = { preview: FxPreview; onImport: () => void; onClose: () => void };

/** What a rates file holds and what importing it would compute; nothing is stored until "Import rates". */
export function FxPreviewDialog({ preview, onImport, onClose }: Props) {
  const file = preview.path.split(/[\\/]/).pop() ?? preview.path;
  return (
    <Dialog
      title="Import exchange rates?"
      description={file}
      onClose={onClose}
      testId="fx-preview"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" onClick={onImport} data-testid="fx-preview-import">
            Import rates
          </Button>
        </>
      }
    >
      <p data-testid="fx-preview-text">{preview.text}</p>
    </Dialog>
  );
}
