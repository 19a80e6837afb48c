import { Gift } from "lucide-react";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { describeError } from "../../lib/errors";
import { useRecord } from "./useRecord";

type Props = { row: OnboardingRow; onSaved: (row: OnboardingRow, what: string) => void };

/** For a welcome kit that went out by other means than the welcome email. */
export function WelcomeKitAction({ row, onSaved }: Props) {
  const { saving, error, record } = useRecord(row.partner_id, onSaved);
  return (
    <div className="ob-action">
      <h4>Welcome kit</h4>
      {error && <Banner testId="onboarding-welcome-error">{describeError(error)}</Banner>}
      <div>
        <Button
          size="sm"
          icon={<Gift size={14} />}
          busy={saving}
          onClick={() => void record({ welcome_sent: true }, "Welcome kit marked as sent")}
          data-testid="onboarding-welcome-sent"
        >
          Mark welcome kit sent
        </Button>
      </div>
    </div>
  );
}
