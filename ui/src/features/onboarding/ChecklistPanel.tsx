import { X } from "lucide-react";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import type { TermsVersion } from "../../bindings/TermsVersion";
import { Button } from "../../components/Button";
import { formatDate } from "../../lib/format";
import { Checklist } from "./Checklist";
import { waitingText } from "./labels";
import { TaxFormForm } from "./TaxFormForm";
import { TermsAcceptForm } from "./TermsAcceptForm";
import { WelcomeKitAction } from "./WelcomeKitAction";

type Props = {
  row: OnboardingRow;
  terms: TermsVersion[] | null;
  onSaved: (row: OnboardingRow, what: string) => void;
  onClose: () => void;
  onOpenTerms: () => void;
};

/** One partner's checklist and the quick ways to record what they sent. */
export function ChecklistPanel({ row, terms, onSaved, onClose, onOpenTerms }: Props) {
  const open = (step: OnboardingRow["steps"][number]["step"]) => row.steps.some((s) => s.step === step && !s.done);
  return (
    <aside
      className="side-panel ob-panel"
      aria-label={`Onboarding of ${row.name}`}
      data-testid="onboarding-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="side-panel-header ob-panel-header">
        <div className="ob-panel-heading">
          <h2>{row.name}</h2>
          <span className="ob-panel-sub">{row.email}</span>
        </div>
        <Button variant="ghost" size="sm" icon={<X size={16} />} aria-label="Close panel" onClick={onClose} data-testid="onboarding-panel-close" />
      </header>
      <div className="side-panel-body ob-panel-body">
        <p className="ob-panel-meta muted">
          {row.approved_at && `Approved ${formatDate(row.approved_at)}`}
          {row.days_waiting !== null && ` · ${waitingText(row.days_waiting)}`}
          {row.reminded_at && ` · reminded ${formatDate(row.reminded_at)}`}
        </p>
        {row.complete && (
          <p className="ob-complete" data-testid="onboarding-complete">
            Onboarding complete: nothing stands between this partner and their next payout.
          </p>
        )}
        <Checklist steps={row.steps} />
        <div className="ob-actions">
          {open("terms") && <TermsAcceptForm row={row} terms={terms} onSaved={onSaved} onOpenTerms={onOpenTerms} />}
          <TaxFormForm row={row} replacing={!open("tax_form")} onSaved={onSaved} />
          {open("payout_details") && (
            <div className="ob-action">
              <h4>Payout details</h4>
              <p className="muted">The partner gives these; enter them on their page under Partners once you have them.</p>
            </div>
          )}
          {open("welcome_kit") && <WelcomeKitAction row={row} onSaved={onSaved} />}
        </div>
      </div>
    </aside>
  );
}
