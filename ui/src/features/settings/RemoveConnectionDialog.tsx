import { useState } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { describeError, toAppError } from "../../lib/errors";
import { syncApi } from "../sync/api";

type Props = { name: string; onClose: () => void; onRemoved: () => void };

/** Removing a connection says what stays in the book and what goes with it. */
export function RemoveConnectionDialog({ name, onClose, onRemoved }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await syncApi.remove(name);
      onRemoved();
    } catch (e) {
      setFailure(describeError(toAppError(e)));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Remove the connection ${name}?`}
      onClose={() => !busy && onClose()}
      testId="connection-remove-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Keep it
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void remove()} data-testid="connection-remove-confirm">
            Remove connection
          </Button>
        </>
      }
    >
      <div className="connection-remove">
        {failure && <Banner>{failure}</Banner>}
        <p>
          <strong>Stays in the book:</strong> the partners, customers and sales it brought in.
        </p>
        <p>
          <strong>Goes:</strong> its sync state (how far each list has got), its map of the platform's records to the book's, the
          platform's rewards kept for comparing, and its saved keys.
        </p>
      </div>
    </Dialog>
  );
}
