import { Banknote, Plus } from "lucide-react";
import { useState } from "react";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError } from "../../lib/errors";
import { formatDate, plural } from "../../lib/format";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { payoutsApi } from "./api";
import { NewRunDialog } from "./NewRunDialog";
import { PayerCard } from "./PayerCard";
import { RunsTable } from "./RunsTable";
import { RunView } from "./RunView";
import "./payouts.css";

/** What another screen opens Payouts for: `newRun` opens the New payout run dialog (the home screen's next-run estimate). */
export type PayoutsIntent = { newRun?: boolean };

/** Payout runs: the list, and one run at a time as a wizard (draft) or its payments (approved). */
type Props = {
  baseCurrency: string;
  /** Opens the Email screen (its outbox), where queued statements are sent. */
  onOpenEmail?: () => void;
  initial?: PayoutsIntent;
};

export function PayoutsScreen({ baseCurrency, onOpenEmail, initial }: Props) {
  const toast = useToast();
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(initial?.newRun ?? false);
  const runs = useFetched("payout-runs", payoutsApi.runs);
  const showSpinner = useDelayed(runs.data === null && runs.loading, 300);

  const created = (run: PayoutRun) => {
    setCreating(false);
    toast.success(`Draft run #${run.id} through ${formatDate(run.through)}: ${plural(run.paid_count, "partner")} to pay, ${run.held_count} held.`);
    runs.reload();
    setOpenId(run.id);
  };

  const openRun = (id: number) => {
    setCreating(false);
    setOpenId(id);
  };

  if (openId !== null) {
    return (
      <div className="po-screen" data-testid="payouts-screen">
        <RunView
          key={openId}
          runId={openId}
          baseCurrency={baseCurrency}
          onBack={() => setOpenId(null)}
          onChanged={runs.reload}
          onOpenEmail={onOpenEmail}
        />
      </div>
    );
  }

  const list = runs.data;
  return (
    <div className="po-screen" data-testid="payouts-screen">
      <header className="po-header">
        <div className="po-title">
          <h1>Payouts</h1>
          <span className="po-count num" aria-live="polite" data-testid="payouts-count">
            {list === null ? "\u00a0" : plural(list.length, "run")}
          </span>
        </div>
        <div className="po-actions">
          <Button variant="primary" icon={<Plus size={15} />} onClick={() => setCreating(true)} data-testid="payouts-new-run">
            New payout run
          </Button>
        </div>
      </header>
      <div className="po-list-body">
        {runs.error && (
          <Banner>
            {describeError(runs.error)}{" "}
            <Button variant="link" size="sm" onClick={runs.reload}>
              Try again
            </Button>
          </Banner>
        )}
        {list === null ? (
          <div className="po-center">{showSpinner && <Spinner size={20} label="Loading payout runs" />}</div>
        ) : list.length === 0 ? (
          <EmptyState
            icon={<Banknote size={20} />}
            title="No payout runs yet"
            actions={
              <Button variant="primary" icon={<Plus size={15} />} onClick={() => setCreating(true)}>
                New payout run
              </Button>
            }
          >
            A run adds up every partner's approved commissions through a day you choose, shows who will be paid and who is held, and
            writes the payment files once you approve it.
          </EmptyState>
        ) : (
          <RunsTable runs={list} onOpen={setOpenId} />
        )}
        <PayerCard />
      </div>
      {creating && <NewRunDialog onClose={() => setCreating(false)} onCreated={created} onOpenRun={openRun} />}
    </div>
  );
}
