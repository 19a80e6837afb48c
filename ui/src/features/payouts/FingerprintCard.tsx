import { Copy, ShieldCheck } from "lucide-react";
import { useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { useToast } from "../../components/Toast";
import { describeError, toAppError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { payoutsApi } from "./api";

type Verdict = { kind: "match" } | { kind: "mismatch" } | { kind: "error"; text: string };

/** An approved run's fingerprint in full, to copy or check against the book, and where the backup went. */
export function FingerprintCard({ run }: { run: PayoutRun }) {
  const toast = useToast();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const fingerprint = run.fingerprint ?? "";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(fingerprint);
      toast.success("Copied the fingerprint.");
    } catch {
      toast.show("error", "Could not copy to the clipboard.");
    }
  };

  const verify = async () => {
    setChecking(true);
    try {
      setVerdict((await payoutsApi.verify(run.id)) ? { kind: "match" } : { kind: "mismatch" });
    } catch (e) {
      setVerdict({ kind: "error", text: describeError(toAppError(e)) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="po-panel po-fingerprint" aria-label="Fingerprint">
      <div className="po-fingerprint-head">
        <h3>Fingerprint</h3>
        {run.approved_at && <span className="muted">Approved {formatDateTime(run.approved_at)}</span>}
      </div>
      <div className="po-fingerprint-row">
        <code className="po-fingerprint-value" data-testid="payout-fingerprint">
          {fingerprint}
        </code>
        <Button size="sm" icon={<Copy size={14} />} onClick={() => void copy()} disabled={!fingerprint} data-testid="payout-fingerprint-copy">
          Copy
        </Button>
        <Button size="sm" icon={<ShieldCheck size={14} />} busy={checking} onClick={() => void verify()} data-testid="payout-verify">
          Verify
        </Button>
      </div>
      {verdict && (
        <div className="po-verdict" data-testid="payout-verify-result" role="status">
          {verdict.kind === "match" ? (
            <Pill tone="green" dot>
              Matches: the run is exactly as approved
            </Pill>
          ) : verdict.kind === "mismatch" ? (
            <Pill tone="red" dot>
              Does not match: the run's lines changed after approval
            </Pill>
          ) : (
            <span className="po-verdict-error">{verdict.text}</span>
          )}
        </div>
      )}
      {run.backup_path && (
        <p className="po-fingerprint-backup muted">
          Book backed up before approval to <span className="po-mono" data-testid="payout-backup-path">{run.backup_path}</span>
        </p>
      )}
    </section>
  );
}
