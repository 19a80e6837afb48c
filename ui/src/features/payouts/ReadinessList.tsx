import { CircleAlert, ShieldCheck, TriangleAlert } from "lucide-react";
import type { Readiness } from "../../bindings/Readiness";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Pill } from "../../components/Pill";
import { Spinner } from "../../components/Spinner";
import type { Fetched } from "../../lib/useFetched";
import { describeError } from "../../lib/errors";
import { formatCount, plural } from "../../lib/format";
import { groupReadiness, groupTotalText, type ReadinessGroup } from "./labels";

type Props = {
  readiness: Fetched<Readiness | null>;
  /** Opens the partner beside the run, to correct what holds them. */
  onOpenPartner: (id: number) => void;
};

/**
 * Everything worth a look before approving, grouped by check: what needs a
 * decision first, routine holds (below the minimum…) folded at the end
 * with what they carry forward. Each item opens its partner.
 */
export function ReadinessList({ readiness, onOpenPartner }: Props) {
  const r = readiness.data;
  if (readiness.error && !r) {
    return (
      <Banner>
        {describeError(readiness.error)}{" "}
        <Button variant="link" size="sm" onClick={readiness.reload}>
          Try again
        </Button>
      </Banner>
    );
  }
  if (!r) return <div className="po-center">{readiness.loading && <Spinner size={20} label="Checking the run" />}</div>;
  if (r.items.length === 0) {
    return (
      <EmptyState icon={<ShieldCheck size={20} />} title="Nothing to report">
        Every partner with a balance can be paid, and nothing looks unusual.
      </EmptyState>
    );
  }
  const groups = groupReadiness(r.items);
  return (
    <section className="po-readiness" aria-label="Readiness" data-testid="payout-readiness">
      <div className="po-readiness-counts" data-testid="readiness-counts">
        <Pill tone={r.blockers > 0 ? "red" : "grey"} dot>
          {plural(r.blockers, "blocker")}
        </Pill>
        <Pill tone={r.warnings > 0 ? "amber" : "grey"} dot>
          {plural(r.warnings, "warning")}
        </Pill>
        <p className="muted">
          Blockers keep a partner out of this run: they are held and their balance carries forward. Warnings are worth a look before you
          approve. Click a partner to correct them here; their line is rebuilt at once.
        </p>
      </div>
      {groups.map((g) =>
        g.routine ? (
          <details key={g.key} className={`po-check po-check-${g.severity} po-check-routine`} data-testid="readiness-group" data-check={g.key}>
            <summary className="po-check-title">
              <CheckIcon group={g} />
              {g.title}
              <span className="po-check-count num">{formatCount(g.items.length)}</span>
              <span className="po-check-total muted">
                {g.severity === "blocker" ? "carried forward: " : ""}
                <span className="num">{groupTotalText(g)}</span>
              </span>
            </summary>
            <CheckItems group={g} onOpenPartner={onOpenPartner} />
          </details>
        ) : (
          <section key={g.key} className={`po-check po-check-${g.severity}`} aria-label={g.title} data-testid="readiness-group" data-check={g.key}>
            <h3 className="po-check-title">
              <CheckIcon group={g} />
              {g.title}
              <span className="po-check-count num">{formatCount(g.items.length)}</span>
            </h3>
            <CheckItems group={g} onOpenPartner={onOpenPartner} />
          </section>
        ),
      )}
    </section>
  );
}

function CheckIcon({ group }: { group: ReadinessGroup }) {
  return group.severity === "blocker" ? <CircleAlert size={15} aria-hidden /> : <TriangleAlert size={15} aria-hidden />;
}

function CheckItems({ group, onOpenPartner }: { group: ReadinessGroup; onOpenPartner: (id: number) => void }) {
  return (
    <ul className="po-check-items">
      {group.items.map((item, i) => (
        <li key={`${item.partner_id}-${i}`} className={`po-check-item po-item-${item.severity}`} data-testid="readiness-item" data-severity={item.severity}>
          <Button
            variant="link"
            size="sm"
            className="po-check-partner"
            onClick={() => onOpenPartner(item.partner_id)}
            title={`Open ${item.partner_name} (#${item.partner_id})`}
            data-testid="readiness-partner"
          >
            {item.partner_name}
          </Button>
          <span className="po-check-message">{item.message}</span>
        </li>
      ))}
    </ul>
  );
}
