import { BellRing } from "lucide-react";
import { memo } from "react";
import type { OnboardingRow } from "../../bindings/OnboardingRow";
import { cx } from "../../lib/cx";
import { formatDate } from "../../lib/format";
import { missingText, waitingText } from "./labels";

type Props = { row: OnboardingRow; selected: boolean; onSelect: (id: number) => void };

/** One partner on the board: who, how long they have waited, and what is missing. */
export const PartnerCard = memo(function PartnerCard({ row, selected, onSelect }: Props) {
  const days = row.days_waiting ?? 0;
  return (
    <li>
      <button
        type="button"
        className={cx("ob-card", selected && "ob-card-on", days >= 14 && "ob-card-late")}
        aria-pressed={selected}
        onClick={() => onSelect(row.partner_id)}
        data-testid="onboarding-card"
        data-id={row.partner_id}
      >
        <span className="ob-card-top">
          <span className="ob-card-name">{row.name}</span>
          {row.days_waiting !== null && (
            <span className="ob-card-days num" title={row.approved_at ? `Approved ${formatDate(row.approved_at)}` : undefined}>
              {waitingText(row.days_waiting)}
            </span>
          )}
        </span>
        <span className="ob-card-email">{row.email}</span>
        <span className="ob-card-missing">{missingText(row)}</span>
        {row.reminded_at && (
          <span className="ob-card-reminded">
            <BellRing size={11} aria-hidden /> reminded {formatDate(row.reminded_at)}
          </span>
        )}
      </button>
    </li>
  );
});
