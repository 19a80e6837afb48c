import { Paperclip } from "lucide-react";
import type { Decision } from "../../bindings/Decision";
import type { OutboxMessage } from "../../bindings/OutboxMessage";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { formatCount, formatDateTime } from "../../lib/format";
import { decisionsFor, outboxStatusLabel, outboxStatusTone } from "./labels";
import "../../components/LedgerTable.css";

type Props = {
  messages: OutboxMessage[];
  /** The message a decision is being recorded for. */
  deciding: number | null;
  onDecide: (message: OutboxMessage, decision: Decision) => void;
};

/** The outbox, newest first, with what may be decided about each message. */
export function OutboxTable({ messages, deciding, onDecide }: Props) {
  return (
    <div className="ltable-scroll em-outbox">
      <table className="ltable em-table" aria-label="Outbox" data-testid="outbox-table">
        <colgroup>
          <col className="em-col-to" />
          <col />
          <col className="em-col-status" />
          <col className="em-col-tries" />
          <col className="em-col-reply" />
          <col className="em-col-time" />
          <col className="em-col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col" className="col-end">
              Tries
            </th>
            <th scope="col">Server's reply</th>
            <th scope="col">When</th>
            <th scope="col">
              <span className="visually-hidden">Decide</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-testid="outbox-row" data-id={m.id}>
              <td title={m.to_name ? `${m.to_name} <${m.to_email}>` : m.to_email}>
                <span className="ltable-main">{m.to_name || m.to_email}</span>
                {m.to_name && <span className="ltable-sub">{m.to_email}</span>}
              </td>
              <td title={m.subject}>
                <span className="ltable-main">{m.subject}</span>
                {m.attachment_name && (
                  <span className="ltable-sub em-attachment" title={m.attachment_name}>
                    <Paperclip size={11} aria-label="Attachment" /> {m.attachment_name}
                  </span>
                )}
              </td>
              <td>
                <Pill tone={outboxStatusTone(m.status)} dot>
                  {outboxStatusLabel(m.status)}
                </Pill>
              </td>
              <td className="col-end">{m.attempts > 0 ? formatCount(m.attempts) : <span className="ltable-dim">0</span>}</td>
              <td className="ltable-code" title={m.last_reply ?? undefined}>
                {m.last_reply ?? <span className="ltable-dim">—</span>}
              </td>
              <td>
                <span className="ltable-main num">{formatDateTime(m.sent_at ?? m.created_at)}</span>
                <span className="ltable-sub">{whenText(m)}</span>
              </td>
              <td>
                <div className="em-row-actions">
                  {decisionsFor(m.status).map((a) => (
                    <Button
                      key={a.decision}
                      size="sm"
                      variant={a.decision === "cancel" ? "ghost" : "secondary"}
                      disabled={deciding !== null}
                      onClick={() => onDecide(m, a.decision)}
                      data-testid={`outbox-decide-${a.decision}`}
                    >
                      {a.label}
                    </Button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Under the time: sent, created, or when a deferred message is tried again. */
function whenText(m: OutboxMessage): string {
  if (m.sent_at) return "sent";
  if (m.status === "queued" && m.attempts > 0) return `next try ${formatDateTime(m.next_attempt_at)}`;
  return "created";
}
