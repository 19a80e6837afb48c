import { Quote, X } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import type { Commission } from "../../bindings/Commission";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { Spinner } from "../../components/Spinner";
import { describeError } from "../../lib/errors";
import { formatMoney } from "../../lib/moneyDisplay";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { formatStamp } from "../conversions/labels";
import { commissionsApi } from "./api";
import { DeclineForm } from "./DeclineForm";
import { splitHoldReason } from "./holdReason";
import { canDecline, kindLabel, kindTitle, stateLabel, stateTone } from "./labels";
import "./CommissionPanel.css";

type Props = { commission: Commission; onClose: () => void; onDeclined: (c: Commission) => void };

/** One line in full, and the sentence that explains it. */
export function CommissionPanel({ commission: c, onClose, onDeclined }: Props) {
  const [declining, setDeclining] = useState(false);
  // Asked again whenever the line changes (declined, recomputed).
  const explain = useFetched(
    `${c.id}:${c.state}:${c.amount?.minor ?? "held"}:${c.decline_reason ?? ""}`,
    () => commissionsApi.explain(c.id),
    { keepStale: false },
  );
  const slow = useDelayed(explain.loading && explain.data === null);
  useEffect(() => setDeclining(false), [c.id]);
  const hold = c.hold_reason ? splitHoldReason(c.hold_reason) : null;
  const kind = kindLabel(c.kind, c.amount);
  const kindWhy = kindTitle(c.kind, c.amount);

  return (
    <aside
      className="kpanel"
      data-testid="commission-panel"
      aria-label={`Commission ${c.id}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="kpanel-header">
        <div className="kpanel-heading">
          <h2 className={c.amount && c.amount.minor < 0 ? "num ltable-negative" : "num"}>{c.amount ? formatMoney(c.amount) : "Held"}</h2>
          <span className="kpanel-sub" title={kindWhy}>
            {kind} for {c.partner_name}
          </span>
        </div>
        <Pill tone={stateTone(c.state)} dot testId="commission-panel-state">
          {stateLabel(c.state)}
        </Pill>
        <Button variant="ghost" size="sm" icon={<X size={16} />} aria-label="Close panel" onClick={onClose} data-testid="commission-panel-close" />
      </header>
      <div className="kpanel-body">
        <section className="kexplain-wrap" aria-label="Explanation">
          {explain.error ? (
            <p className="muted">Could not explain this line: {describeError(explain.error)}</p>
          ) : explain.data === null ? (
            <div className="kexplain-loading">{slow && <Spinner size={16} label="Explaining" />}</div>
          ) : (
            <blockquote className="kexplain" data-testid="commission-explain">
              <Quote size={14} aria-hidden className="kexplain-mark" />
              {explain.data}
            </blockquote>
          )}
        </section>
        <dl className="kfacts">
          <Fact label="Amount">{c.amount ? <span className="num">{formatMoney(c.amount)}</span> : <span className="muted">Not computed yet</span>}</Fact>
          <Fact label="State">{stateLabel(c.state)}</Fact>
          <Fact label="Partner">{c.partner_name}</Fact>
          <Fact label="Kind">
            <span title={kindWhy} data-testid="commission-panel-kind">
              {kind}
            </span>
          </Fact>
          {c.rule_id && (
            <Fact label="Rule">
              <span className="ltable-code">{c.rule_id}</span>
            </Fact>
          )}
          {c.conversion_external_id && (
            <Fact label="Conversion">
              <span className="ltable-code">{c.conversion_external_id}</span>
            </Fact>
          )}
          {c.occurred_at && <Fact label="Date">{formatStamp(c.occurred_at)}</Fact>}
          <Fact label="Due on">
            <span className="num">{c.due_on}</span>
          </Fact>
          {hold && <Fact label="Held because">{hold.missing}</Fact>}
          {hold?.todo && <Fact label="To complete it">{hold.todo}</Fact>}
          {c.decline_reason && <Fact label="Declined because">{c.decline_reason}</Fact>}
        </dl>
        {declining && <DeclineForm commission={c} onCancel={() => setDeclining(false)} onDeclined={(d) => (setDeclining(false), onDeclined(d))} />}
      </div>
      {canDecline(c.state) && !declining && (
        <footer className="kpanel-footer">
          <Button variant="danger" onClick={() => setDeclining(true)} data-testid="commission-decline">
            Decline…
          </Button>
        </footer>
      )}
    </aside>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kfact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
