import { CirclePause } from "lucide-react";
import { useState } from "react";
import type { Partner } from "../../../bindings/Partner";
import { Button } from "../../../components/Button";
import { useToast } from "../../../components/Toast";
import { earningsApi, partnersApi } from "../api";
import { PayoutHoldForm } from "./PayoutHoldForm";

type Props = { partner: Partner; onChanged: (p: Partner) => void };

/** Whether you hold the partner's payouts, and why; holding or lifting applies at once (not part of Save). */
export function PayoutHoldSection({ partner, onChanged }: Props) {
  const toast = useToast();
  const [holding, setHolding] = useState(false);
  const [lifting, setLifting] = useState(false);
  const held = partner.payout_hold;

  /** Holds (a reason) or lifts the hold (null), then reads the partner again. Rejects when refused. */
  const apply = async (reason: string | null) => {
    await earningsApi.setPayoutHold(partner.id, reason);
    try {
      const fresh = await partnersApi.get(partner.id);
      onChanged(fresh);
      toast.success(reason === null ? `${fresh.name}'s payouts are no longer held.` : `${fresh.name}'s payouts are held.`);
    } catch (e) {
      toast.error(e);
    }
    setHolding(false);
  };

  const lift = async () => {
    setLifting(true);
    try {
      await apply(null);
    } catch (e) {
      toast.error(e);
    } finally {
      setLifting(false);
    }
  };

  return (
    <section className="pf-section" aria-labelledby="earn-hold-title" data-testid="partner-payout-hold">
      <h3 id="earn-hold-title" className="pf-section-title">
        Payouts
      </h3>
      {held ? (
        <>
          <p className="earn-hold" data-testid="partner-hold-status">
            <CirclePause size={15} aria-hidden />
            <span>Payouts held: {held}</span>
          </p>
          <div className="earn-hold-actions">
            <Button size="sm" busy={lifting} onClick={() => void lift()} data-testid="partner-unhold">
              Lift hold
            </Button>
          </div>
        </>
      ) : holding ? (
        <PayoutHoldForm onHold={apply} onCancel={() => setHolding(false)} />
      ) : (
        <>
          <p className="field-hint">Not held. Holding keeps them out of payout runs, the draft one included, until you lift it; their balance carries forward.</p>
          <div className="earn-hold-actions">
            <Button size="sm" onClick={() => setHolding(true)} data-testid="partner-hold">
              Hold payouts…
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
