import type { Commission } from "../../../bindings/Commission";
import type { CommissionPage } from "../../../bindings/CommissionPage";
import { Banner } from "../../../components/Banner";
import { Pill } from "../../../components/Pill";
import { Spinner } from "../../../components/Spinner";
import { cx } from "../../../lib/cx";
import { describeError } from "../../../lib/errors";
import { plural } from "../../../lib/format";
import { formatMoney } from "../../../lib/moneyDisplay";
import { useDelayed } from "../../../lib/useDelayed";
import { useFetched } from "../../../lib/useFetched";
import { formatStamp } from "../../conversions/labels";
import { isVoid, kindLabel, kindTitle, kindTone, stateLabel, stateTone } from "../../commissions/labels";
import { earningsApi } from "../api";

export const RECENT_LIMIT = 10;

/** "124 lines · $3,402.10 in all" (no sum when the lines are worth nothing yet). */
export function commissionsSummary(page: Pick<CommissionPage, "total" | "sum">): string {
  const count = plural(page.total, "line");
  return page.sum ? `${count} \u00b7 ${formatMoney(page.sum)} in all` : count;
}

/** The partner's latest commission lines, newest first. */
export function RecentCommissions({ partnerId }: { partnerId: number }) {
  const page = useFetched(`partner-commissions-${partnerId}`, () => earningsApi.recentCommissions(partnerId, RECENT_LIMIT), {
    keepStale: false,
  });
  const showSpinner = useDelayed(page.loading && !page.data);

  return (
    <section className="pf-section" aria-labelledby="earn-recent-title" data-testid="partner-commissions">
      <div className="earn-recent-head">
        <h3 id="earn-recent-title" className="pf-section-title">
          Recent commissions
        </h3>
        {page.data && page.data.total > 0 && <span className="earn-recent-summary num">{commissionsSummary(page.data)}</span>}
      </div>
      {page.error ? (
        <Banner>Could not load the commissions: {describeError(page.error)}</Banner>
      ) : !page.data ? (
        showSpinner && <Spinner label="Loading commissions" />
      ) : page.data.rows.length === 0 ? (
        <p className="earn-empty">
          No commissions yet. They appear here once conversions credited to this partner are imported and computed.
        </p>
      ) : (
        <>
          <table className="earn-table" aria-label="Recent commissions">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col" className="earn-end">
                  Amount
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {page.data.rows.map((c) => (
                <Row key={c.id} c={c} />
              ))}
            </tbody>
          </table>
          {page.data.total > page.data.rows.length && (
            <p className="earn-more">
              The {page.data.rows.length} most recent of {plural(page.data.total, "line")}; see them all under Commissions.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Row({ c }: { c: Commission }) {
  return (
    <tr data-testid="partner-commission-row">
      <td className="num earn-date">{c.occurred_at ? formatStamp(c.occurred_at).slice(0, 10) : "\u2014"}</td>
      <td>
        <Pill tone={kindTone(c.kind, c.amount)} title={kindTitle(c.kind, c.amount)}>
          {kindLabel(c.kind, c.amount)}
        </Pill>
      </td>
      <td className="num earn-end" title={c.hold_reason ?? undefined}>
        {c.amount ? (
          <span className={cx(c.amount.minor < 0 && "earn-negative", isVoid(c.state) && "earn-void")}>{formatMoney(c.amount)}</span>
        ) : (
          <span className="earn-held">held</span>
        )}
      </td>
      <td>
        <Pill tone={stateTone(c.state)} dot>
          {stateLabel(c.state)}
        </Pill>
      </td>
    </tr>
  );
}
