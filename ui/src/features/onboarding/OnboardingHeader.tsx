import { BellRing, ScrollText } from "lucide-react";
import { Button } from "../../components/Button";
import { plural } from "../../lib/format";

type Props = {
  waiting: number | null;
  showAll: boolean;
  onShowAll: (all: boolean) => void;
  onRemind: () => void;
  onTerms: () => void;
};

export function OnboardingHeader({ waiting, showAll, onShowAll, onRemind, onTerms }: Props) {
  return (
    <header className="screen-header ob-header">
      <div className="screen-title ob-title">
        <h1>Onboarding</h1>
        <span className="screen-count ob-count num" aria-live="polite" data-testid="onboarding-count">
          {waiting === null ? "\u00a0" : waiting === 0 ? "Everyone is set up" : `${plural(waiting, "partner")} still onboarding`}
        </span>
      </div>
      <div className="screen-actions ob-header-actions">
        <label className="switch ob-toggle">
          <input type="checkbox" role="switch" checked={showAll} onChange={(e) => onShowAll(e.target.checked)} data-testid="onboarding-show-all" />
          <span>Show everyone</span>
        </label>
        <Button icon={<ScrollText size={15} />} onClick={onTerms} data-testid="onboarding-terms">
          Terms…
        </Button>
        <Button variant="primary" icon={<BellRing size={15} />} onClick={onRemind} data-testid="onboarding-remind">
          Send reminders…
        </Button>
      </div>
    </header>
  );
}
