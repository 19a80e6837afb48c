import { memo } from "react";
import type { Conversion } from "../../bindings/Conversion";
import { Pill } from "../../components/Pill";
import { cx } from "../../lib/cx";
import { formatCount } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { holdReasonText, splitHoldReason } from "../commissions/holdReason";
import { attributionLabel, fileEvidence, formatStamp, KIND_LABELS, kindShortLabel, kindTone } from "./labels";

/**
 * One conversion; unattributed ones say what the file held that matched
 * nobody, and those whose commission waits say why, so it can be fixed.
 */
export const ConversionRow = memo(function ConversionRow({ c }: { c: Conversion }) {
  const attributed = c.partner_id !== null;
  const evidence = attributed ? "" : fileEvidence(c);
  return (
    <tr data-testid="conversion-row" data-id={c.id}>
      <td className="col-fit conv-date">{formatStamp(c.occurred_at)}</td>
      <td className="col-fit">
        <Pill tone={kindTone(c.kind)} title={KIND_LABELS[c.kind]}>
          {kindShortLabel(c.kind)}
        </Pill>
      </td>
      <td title={`${c.external_id} (${c.source})`}>
        <span className="ltable-main ltable-code">{c.external_id}</span>
        {c.original_external_id && (
          <span className="ltable-sub" title={`of ${c.original_external_id}`}>
            of {c.original_external_id}
          </span>
        )}
      </td>
      <td title={c.customer_ref ?? ""}>{c.customer_ref ? c.customer_ref : <span className="ltable-dim">—</span>}</td>
      <td className={cx("col-fit col-end", c.amount && c.amount.minor < 0 && "ltable-negative")}>
        {c.amount ? (
          formatMoney(c.amount)
        ) : c.quantity > 1 ? (
          <span className="muted">× {formatCount(c.quantity)}</span>
        ) : (
          <span className="ltable-dim">—</span>
        )}
      </td>
      <td title={attributed ? (c.partner_name ?? "") : evidence}>
        {attributed ? (
          <>
            <span className="ltable-main conv-partner">{c.partner_name}</span>
            {c.held && (
              <span className="ltable-sub" title={`Commission held: ${holdReasonText(c.held)}`} data-testid="conversion-held">
                Commission held: {splitHoldReason(c.held).missing}
              </span>
            )}
          </>
        ) : (
          <>
            <Pill tone="muted">Unattributed</Pill>
            <span className="ltable-sub" data-testid="conversion-evidence">
              {evidence}
            </span>
          </>
        )}
      </td>
      <td title={attributed ? attributionLabel(c.attribution) : undefined}>
        {attributed ? attributionLabel(c.attribution) : <span className="ltable-dim">—</span>}
      </td>
      <td title={c.product}>{c.product || <span className="ltable-dim">—</span>}</td>
    </tr>
  );
});
