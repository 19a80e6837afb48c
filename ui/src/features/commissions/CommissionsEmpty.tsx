import { CheckCircle2, Coins, SearchX } from "lucide-react";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";

type Props = { filtered: boolean; held: boolean; baseCurrency: string; onClear: () => void };

export function CommissionsEmpty({ filtered, held, baseCurrency, onClear }: Props) {
  return (
    <div className="kcenter" data-testid="commissions-empty">
      {held ? (
        <EmptyState
          icon={<CheckCircle2 size={20} />}
          title="Nothing is held"
          actions={<Button onClick={onClear}>Clear filters</Button>}
        >
          Every line these filters show has a plan and the FX rate it needs, so its amount is computed.
        </EmptyState>
      ) : filtered ? (
        <EmptyState
          icon={<SearchX size={20} />}
          title="No commissions match"
          actions={<Button onClick={onClear}>Clear filters</Button>}
        >
          Try another partner, state or period, or clear the filters to see every line.
        </EmptyState>
      ) : (
        <EmptyState icon={<Coins size={20} />} title="No commissions yet">
          Commissions are computed, in {baseCurrency}, when conversions are imported for partners whose plan applies. Import
          conversions on the Conversions screen and give your partners' groups a plan.
        </EmptyState>
      )}
    </div>
  );
}
