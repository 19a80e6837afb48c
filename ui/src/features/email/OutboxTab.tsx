import { Inbox, Send } from "lucide-react";
import { useState } from "react";
import type { Decision } from "../../bindings/Decision";
import type { OutboxMessage } from "../../bindings/OutboxMessage";
import type { OutboxStatus } from "../../bindings/OutboxStatus";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { JobStatus } from "../../components/JobStatus";
import { Segmented } from "../../components/Segmented";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { formatCount, formatDate, plural } from "../../lib/format";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { payoutsApi } from "../payouts/api";
import { mailApi } from "./api";
import { decisionDoneText, OUTBOX_FILTERS, OUTBOX_STATUS_LABELS } from "./labels";
import { OutboxTable } from "./OutboxTable";
import { SendOutcomeBanner } from "./SendOutcomeBanner";
import { useOutboxSend } from "./useOutboxSend";

/** The newest messages shown; older ones stay in the book. */
export const OUTBOX_LIMIT = 500;

type Filter = OutboxStatus | "all";

/** Messages waiting, sent, failed or in doubt; Send now; a decision per message in doubt. */
export function OutboxTab({ initialFilter }: { initialFilter?: OutboxStatus } = {}) {
  const toast = useToast();
  const [filter, setFilter] = useState<Filter>(initialFilter ?? "all");
  const [deciding, setDeciding] = useState<number | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const runs = useFetched("outbox:runs", () => payoutsApi.runs());
  const approvedRuns = (runs.data ?? []).filter((r) => r.status === "approved");
  const outbox = useFetched(`outbox:${filter}:${runId}`, () => mailApi.outbox(filter === "all" ? null : filter, runId, OUTBOX_LIMIT));
  const sending = useOutboxSend(outbox.reload);
  const messages = outbox.data;
  const slow = useDelayed(messages === null && outbox.loading, 300);

  const decide = async (m: OutboxMessage, decision: Decision) => {
    setDeciding(m.id);
    try {
      await mailApi.decide(m.id, decision);
      toast.success(decisionDoneText(decision, m.to_email));
      outbox.reload();
    } catch (e) {
      toast.error(e);
    } finally {
      setDeciding(null);
    }
  };

  const options = OUTBOX_FILTERS.map((f) => ({
    value: f,
    label: f === "all" ? "All" : OUTBOX_STATUS_LABELS[f],
    testId: `outbox-filter-${f}`,
  }));

  return (
    <div className="em-tab">
      <div className="em-toolbar">
        <Segmented label="Show" value={filter} options={options} onChange={setFilter} />
        {approvedRuns.length > 0 && (
          <select
            className="input input-sm"
            aria-label="Payout run"
            value={runId ?? ""}
            onChange={(e) => setRunId(e.target.value === "" ? null : Number(e.target.value))}
            data-testid="outbox-filter-run"
          >
            <option value="">Every message</option>
            {approvedRuns.map((r) => (
              <option key={r.id} value={r.id}>
                Statements of run #{r.id} (through {formatDate(r.through)})
              </option>
            ))}
          </select>
        )}
        <span className="muted num" data-testid="outbox-count" aria-live="polite">
          {messages === null ? "\u00a0" : messages.length >= OUTBOX_LIMIT ? `newest ${formatCount(OUTBOX_LIMIT)}` : plural(messages.length, "message")}
        </span>
        <Button
          variant="primary"
          className="em-toolbar-end"
          icon={<Send size={15} />}
          busy={sending.busy}
          onClick={() => void sending.start()}
          data-testid="outbox-send"
        >
          Send now
        </Button>
      </div>
      {sending.outcome && <SendOutcomeBanner outcome={sending.outcome} onDismiss={sending.dismiss} onShowUnknown={() => setFilter("unknown")} />}
      {outbox.error && <RetryBanner error={outbox.error} onRetry={outbox.reload} />}
      {messages === null ? (
        <div className="em-center">{slow && <Spinner size={20} label="Loading the outbox" />}</div>
      ) : messages.length === 0 ? (
        filter === "all" && runId === null ? (
          <EmptyState icon={<Inbox size={20} />} title="The outbox is empty">
            Statement emails are queued from a payout run's Export step. They wait here until you press Send now.
          </EmptyState>
        ) : (
          <EmptyState icon={<Inbox size={20} />} title={filter === "all" ? "No messages of this run" : `No ${OUTBOX_STATUS_LABELS[filter].toLowerCase()} messages`}>
            Show all messages to see the rest of the outbox.
          </EmptyState>
        )
      ) : (
        <OutboxTable messages={messages} deciding={deciding} onDecide={(m, d) => void decide(m, d)} />
      )}
      {sending.job && (
        <JobStatus
          label={sending.job.label}
          progress={sending.job.progress}
          cancelling={sending.job.cancelling}
          onCancel={sending.cancel}
          testId="outbox-send-job"
        />
      )}
      {sending.dialog}
    </div>
  );
}
