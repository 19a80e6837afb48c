import { useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { describeError, toAppError } from "../../lib/errors";
import { payoutsApi } from "./api";

type Props = { run: PayoutRun; onClose: () => void; onDiscarded: (run: PayoutRun) => void };

/** Throws a draft away: its commissions go back to approved, for the next run. */
export function DiscardDialog({ run, onClose, onDiscarded }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const discard = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDiscarded(await payoutsApi.discard(run.id));
    } catch (err) {
      setFailure(describeError(toAppError(err)));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Discard draft run #${run.id}?`}
      onClose={() => !busy && onClose()}
      testId="payout-discard-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Keep the draft
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void discard()} data-testid="payout-discard-confirm">
            Discard draft
          </Button>
        </>
      }
    >
      <div className="po-form">
        {failure && <Banner>{failure}</Banner>}
        <p>
          Nobody is paid by this run. Its commissions go back to approved and its open adjustments stay open: a new run will pick them up.
          The discarded run stays in the list.
        </p>
      </div>
    </Dialog>
  );
}
