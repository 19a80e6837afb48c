import { CheckCheck, Globe, RefreshCw } from "lucide-react";
import type { Money } from "../../bindings/Money";
import { Button } from "../../components/Button";
import { plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";

type Props = {
  total: number | null;
  sum: Money | null;
  busy: boolean;
  onApproveDue: () => void;
  onRecompute: () => void;
  onImportFx: () => void;
};

export function CommissionsHeader({ total, sum, busy, onApproveDue, onRecompute, onImportFx }: Props) {
  return (
    <header className="kheader">
      <div className="ktitle">
        <h1>Commissions</h1>
        <span className="kcount num" aria-live="polite">
          {total === null ? (
            "\u00a0"
          ) : (
            <>
              <span data-testid="commissions-count">{plural(total, "line")}</span>
              {sum && (
                <>
                  <span aria-hidden> · </span>
                  <span className="ksum" data-testid="commissions-sum" title="What these lines are worth; declined, reversed and held lines count nothing">
                    {formatMoney(sum)}
                  </span>
                </>
              )}
            </>
          )}
        </span>
      </div>
      <div className="kactions">
        <Button
          icon={<Globe size={15} />}
          onClick={onImportFx}
          disabled={busy}
          title="Import the ECB's reference rates to convert sales in other currencies"
          data-testid="commissions-fx-import"
        >
          Import FX rates…
        </Button>
        <Button
          icon={<RefreshCw size={15} />}
          onClick={onRecompute}
          disabled={busy}
          title="Compute again what is pending, after FX rates or plans changed"
          data-testid="commissions-recompute"
        >
          Recompute
        </Button>
        <Button variant="primary" icon={<CheckCheck size={15} />} onClick={onApproveDue} disabled={busy} data-testid="commissions-approve-due">
          Approve due
        </Button>
      </div>
    </header>
  );
}
