import { SlidersHorizontal, Trash2 } from "lucide-react";
import { useState } from "react";
import type { Adjustment } from "../../bindings/Adjustment";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Pill } from "../../components/Pill";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { formatSignedMoney } from "../../lib/moneyDisplay";
import { useFetched } from "../../lib/useFetched";
import { usePartnerNames } from "../plans/usePartnerNames";
import { AddAdjustmentForm } from "./AddAdjustmentForm";
import { payoutsApi } from "./api";
import { ADJUSTMENT_KIND_LABELS, adjustmentKindTone } from "./labels";
import "../../components/LedgerTable.css";

type Props = { run: PayoutRun; baseCurrency: string; version: number; onChanged: () => void };

/** The run's adjustments, removable while it is a draft, and the form to add one. */
export function AdjustmentsPanel({ run, baseCurrency, version, onChanged }: Props) {
  const toast = useToast();
  const list = useFetched(`adjustments:${run.id}:${version}`, () => payoutsApi.adjustments(run.id));
  const [known, setKnown] = useState<Record<string, string>>({});
  const looked = usePartnerNames((list.data ?? []).map((a) => String(a.partner_id)).filter((id) => !(id in known)));
  const names = { ...looked, ...known };
  const [removing, setRemoving] = useState<number | null>(null);
  const draft = run.status === "draft";

  const remove = async (a: Adjustment) => {
    setRemoving(a.id);
    try {
      await payoutsApi.removeAdjustment(run.id, a.id);
      toast.success(`Removed the ${ADJUSTMENT_KIND_LABELS[a.kind].toLowerCase()} of ${formatSignedMoney(a.amount)}.`);
      onChanged();
    } catch (e) {
      toast.error(e);
    } finally {
      setRemoving(null);
    }
  };

  const rows = list.data;
  return (
    <div className="po-adjustments">
      {list.error && <Banner>{describeError(list.error)}</Banner>}
      {rows === null ? (
        <div className="po-center">{list.loading && <Spinner size={20} label="Loading adjustments" />}</div>
      ) : rows.length === 0 ? (
        <EmptyState icon={<SlidersHorizontal size={20} />} title="No adjustments">
          {draft ? "Add a bonus, a correction or a clawback below: the partner's line is rebuilt at once." : "This run has no adjustments."}
        </EmptyState>
      ) : (
        <div className="ltable-scroll po-adjust-list">
          <table className="ltable po-table" aria-label="Adjustments" data-testid="payout-adjustments">
            <colgroup>
              <col className="po-col-partner" />
              <col className="po-col-status" />
              <col className="po-col-money" />
              <col />
              <col className="po-col-date" />
              {draft && <col className="po-col-remove" />}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Kind</th>
                <th scope="col" className="col-end">
                  Amount
                </th>
                <th scope="col">Reason</th>
                <th scope="col">Added</th>
                {draft && (
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-testid="payout-adjustment-row" data-id={a.id}>
                  <td className="po-partner">{names[String(a.partner_id)] || `Partner #${a.partner_id}`}</td>
                  <td>
                    <Pill tone={adjustmentKindTone(a.kind)}>{ADJUSTMENT_KIND_LABELS[a.kind]}</Pill>
                  </td>
                  <td className={a.amount.minor < 0 ? "col-end ltable-negative" : "col-end"}>{formatSignedMoney(a.amount)}</td>
                  <td className="po-wrap">{a.reason}</td>
                  <td className="num">{formatDate(a.created_at)}</td>
                  {draft && (
                    <td>
                      <Button
                        size="sm"
                        variant="ghost"
                        icon={<Trash2 size={14} />}
                        aria-label={`Remove adjustment #${a.id}`}
                        busy={removing === a.id}
                        onClick={() => void remove(a)}
                        data-testid="payout-adjustment-remove"
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {draft && (
        <AddAdjustmentForm
          runId={run.id}
          baseCurrency={baseCurrency}
          onAdded={(a, partner) => {
            setKnown((k) => ({ ...k, [String(partner.id)]: partner.name }));
            toast.success(`Added a ${ADJUSTMENT_KIND_LABELS[a.kind].toLowerCase()} of ${formatSignedMoney(a.amount)} for ${partner.name}.`);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
