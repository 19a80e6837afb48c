import type { Amounts } from "../../bindings/Amounts";
import type { Home } from "../../bindings/Home";
import type { Money } from "../../bindings/Money";
import { formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import type { Navigate } from "../shell/navigation";
import { amountLines, countChange, moneyChange, netAmounts, rateText, refundRate, type Better } from "./change";
import { monthDays } from "./period";
import { StatCard, ValueLine } from "./StatCard";

type Props = {
  home: Home;
  baseCurrency: string;
  /** "vs Oct 2026". */
  versus: string;
  onNavigate: Navigate;
};

/** A money number, one line per currency (the base currency's zero when there is nothing). */
function MoneyLines({ amounts, better, baseCurrency, testId }: { amounts: Amounts; better: Better; baseCurrency: string; testId: string }) {
  const lines = amountLines(amounts);
  if (lines.length === 0) {
    const zero = { minor: 0, currency: baseCurrency };
    return <ValueLine text={formatMoney(zero)} change={moneyChange(zero, zero, better)} testId={`${testId}-${baseCurrency}`} />;
  }
  return (
    <>
      {lines.map((l) => (
        <ValueLine key={l.now.currency} text={formatMoney(l.now)} change={moneyChange(l.now, l.before, better)} testId={`${testId}-${l.now.currency}`} />
      ))}
    </>
  );
}

function moneyList(list: Money[]): string {
  return list.map((m) => formatMoney(m)).join(", ");
}

/** The period's numbers, each against the period before. */
export function KeyCards({ home, baseCurrency, versus, onNavigate }: Props) {
  const n = home.numbers;
  const days = monthDays(home.from, home.to);
  const openSales = () => onNavigate("conversions", { ...days, kinds: ["sale", "recurring"] });
  const earned = netAmounts(n.earned, n.given_back);
  const rate = refundRate(n.refunds.now, n.sales.now);
  const rateBefore = refundRate(n.refunds.before, n.sales.before);

  return (
    <section className="home-cards" aria-label="Key numbers" data-testid="home-key-numbers">
      <StatCard
        testId="home-card-revenue"
        label="Revenue"
        foot={versus}
        title="Attributed sales and renewals, before refunds. Opens the period's sales."
        onOpen={openSales}
      >
        <MoneyLines amounts={n.revenue} better="up" baseCurrency={baseCurrency} testId="home-revenue" />
      </StatCard>
      <StatCard
        testId="home-card-sales"
        label="Sales"
        foot={versus}
        title="Attributed sales and renewals. Opens the period's sales."
        onOpen={openSales}
      >
        <ValueLine text={formatCount(n.sales.now)} change={countChange(n.sales.now, n.sales.before)} />
      </StatCard>
      <StatCard
        testId="home-card-new-customers"
        label="New customers"
        foot={versus}
        title="Customers whose first sale, credited to a partner, fell in the period. Opens the period's sales."
        onOpen={() => onNavigate("conversions", { ...days, kinds: ["sale"] })}
      >
        <ValueLine text={formatCount(n.new_customers.now)} change={countChange(n.new_customers.now, n.new_customers.before)} />
      </StatCard>
      <StatCard
        testId="home-card-commission"
        label="Commission earned"
        sub={n.given_back.now.length > 0 ? <span data-testid="home-given-back">Given back {moneyList(n.given_back.now)}</span> : undefined}
        foot={versus}
        title="Commission, bonus and adjustment lines, less reversals and clawbacks. Opens the period's commissions."
        onOpen={() => onNavigate("commissions", days)}
      >
        <MoneyLines amounts={earned} better="neither" baseCurrency={baseCurrency} testId="home-commission" />
      </StatCard>
      <StatCard
        testId="home-card-refunds"
        label="Refunds"
        sub={
          <span data-testid="home-refund-rate">
            {plural(n.refunds.now, "refund")} · {rateText(rate)} of sales
            {rateBefore !== null && rate !== rateBefore ? ` (was ${rateText(rateBefore)})` : ""}
          </span>
        }
        foot={versus}
        title="Attributed refunds and chargebacks. Opens the period's refunds."
        onOpen={() => onNavigate("conversions", { ...days, kinds: ["refund", "chargeback"] })}
      >
        <MoneyLines amounts={n.refunded} better="down" baseCurrency={baseCurrency} testId="home-refunded" />
      </StatCard>
      <StatCard
        testId="home-card-unattributed"
        label="Unattributed sales"
        foot={versus}
        title="Sales no partner was found for. Opens the Unattributed sales report."
        onOpen={() => onNavigate("reports", { report: "unattributed", ...days })}
      >
        <MoneyLines amounts={n.unattributed} better="down" baseCurrency={baseCurrency} testId="home-unattributed" />
      </StatCard>
      <StatCard
        testId="home-card-new-partners"
        label="New partners"
        foot={versus}
        title="Partners approved in the period. Opens Partners, newest first."
        onOpen={() => onNavigate("partners", { sort: "created", descending: true })}
      >
        <ValueLine text={formatCount(n.new_partners.now)} change={countChange(n.new_partners.now, n.new_partners.before)} />
      </StatCard>
      <StatCard
        testId="home-card-active-partners"
        label="Active partners"
        foot="today"
        title="Partners whose status is active. Opens them."
        onOpen={() => onNavigate("partners", { statuses: ["active"] })}
      >
        <ValueLine text={formatCount(n.active_partners)} />
      </StatCard>
    </section>
  );
}
