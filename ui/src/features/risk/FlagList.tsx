import type { RiskFlag } from "../../bindings/RiskFlag";
import { Pill } from "../../components/Pill";
import { formatDate, formatDateTime } from "../../lib/format";
import { minorToDecimal } from "../../lib/money";
import { formatDecimalMoney } from "../../lib/moneyDisplay";
import { byPartner, CHECK_TITLES, SEVERITY_TONE } from "./labels";

type Props = {
  flags: RiskFlag[];
  selected: Set<number>;
  onToggle: (id: number) => void;
  onTogglePartner: (ids: number[], on: boolean) => void;
};

/** Flags by partner: what was found, the evidence in words, and what it holds. */
export function FlagList({ flags, selected, onToggle, onTogglePartner }: Props) {
  return (
    <div className="risk-list" data-testid="risk-list">
      {byPartner(flags).map((g) => {
        const open = g.flags.filter((f) => f.status === "open").map((f) => f.id);
        const all = open.length > 0 && open.every((id) => selected.has(id));
        return (
          <section key={g.partnerId} className="risk-partner" data-testid="risk-partner">
            <header className="risk-partner-head">
              {open.length > 0 && (
                <input
                  type="checkbox"
                  aria-label={`Select every open flag of ${g.name}`}
                  checked={all}
                  onChange={(e) => onTogglePartner(open, e.target.checked)}
                />
              )}
              <h2>{g.name}</h2>
              <span className="muted">#{g.partnerId}</span>
            </header>
            <ul>
              {g.flags.map((f) => (
                <FlagRow key={f.id} flag={f} checked={selected.has(f.id)} onToggle={() => onToggle(f.id)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function FlagRow({ flag, checked, onToggle }: { flag: RiskFlag; checked: boolean; onToggle: () => void }) {
  const covered = formatDecimalMoney(minorToDecimal(flag.covered_minor, flag.currency), flag.currency);
  const open = flag.status === "open";
  return (
    <li className="risk-flag" data-testid="risk-flag" data-flag-id={flag.id}>
      {open ? (
        <input type="checkbox" aria-label={`Select flag ${flag.id}`} checked={checked} onChange={onToggle} />
      ) : (
        <span className="risk-flag-spacer" aria-hidden />
      )}
      <div className="risk-flag-body">
        <div className="risk-flag-top">
          <Pill tone={SEVERITY_TONE[flag.severity]} dot>
            {flag.severity}
          </Pill>
          <strong>{CHECK_TITLES[flag.check]}</strong>
          {open ? (
            <Pill tone={flag.hold ? "red" : "blue"} testId="risk-flag-state">
              {flag.hold ? "Held" : "For review"}
            </Pill>
          ) : (
            <Pill tone="muted" testId="risk-flag-state">
              {flag.status === "cleared" ? "Cleared" : "Declined"}
            </Pill>
          )}
          <span className="muted num">
            {flag.sale ? `sale ${flag.sale}, ` : ""}
            {formatDate(flag.flagged_on)}
          </span>
          {flag.covered_minor !== 0 && (
            <span className="risk-flag-amount num" title={flag.conversion_id ? "Unpaid commission on this sale" : "All of the partner's unpaid commission"}>
              {flag.conversion_id === null && <span className="muted">unpaid in all </span>}
              {covered}
            </span>
          )}
        </div>
        <p className="risk-evidence">{flag.evidence}</p>
        {!open && flag.reason && (
          <p className="risk-reason muted">
            {flag.status === "cleared" ? "Cleared" : "Declined"} {flag.resolved_at ? formatDateTime(flag.resolved_at) : ""}: {flag.reason}
          </p>
        )}
      </div>
    </li>
  );
}
