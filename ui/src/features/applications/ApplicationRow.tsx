import { memo } from "react";
import type { Application } from "../../bindings/Application";
import { Pill } from "../../components/Pill";
import { FlagPills } from "./FlagPills";
import { flagCounts, STATUS_LABELS, statusTone } from "./labels";
import { ScoreBadge } from "./ScoreBadge";

type Props = {
  a: Application;
  selected: boolean;
  checked: boolean;
  /** With the panel open: the email goes under the name, no country column. */
  compact: boolean;
  onClick: (id: number) => void;
  onCheck: (id: number, on: boolean) => void;
};

/** One application in the queue. Everything the applicant wrote is shown as text. */
export const ApplicationRow = memo(function ApplicationRow({ a, selected, checked, compact, onClick, onCheck }: Props) {
  const flags = flagCounts(a);
  const decided = a.status !== "pending";
  return (
    <tr data-testid="application-row" data-id={a.id} id={`application-${a.id}`} aria-selected={selected} onClick={() => onClick(a.id)}>
      <td className="ap-check-cell" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={checked}
          disabled={decided}
          title={decided ? `Already ${a.status}` : undefined}
          aria-label={`Select ${a.name}`}
          onChange={(e) => onCheck(a.id, e.target.checked)}
          data-testid="application-check"
        />
      </td>
      <td>
        <ScoreBadge score={a.score} />
      </td>
      <td title={a.name}>
        <span className="ltable-main ap-name">{a.name}</span>
        {compact ? <span className="ltable-sub">{a.email}</span> : a.domain && <span className="ltable-sub">{a.domain}</span>}
      </td>
      {!compact && (
        <td className="ap-email" title={a.email}>
          {a.email}
        </td>
      )}
      {!compact && <td className="ap-country">{a.country || <span className="ltable-dim">—</span>}</td>}
      <td>
        <FlagPills red={flags.red} amber={flags.amber} />
      </td>
      <td>
        <Pill tone={statusTone(a.status)} dot>
          {STATUS_LABELS[a.status]}
        </Pill>
      </td>
    </tr>
  );
});
