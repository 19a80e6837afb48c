import { CheckCircle2, TrendingDown, TrendingUp } from "lucide-react";
import type { ReactNode } from "react";
import type { WhatIfReport } from "../../bindings/WhatIfReport";
import { Banner } from "../../components/Banner";
import { cx } from "../../lib/cx";
import { formatCount, plural } from "../../lib/format";
import { formatMoney } from "../../lib/moneyDisplay";
import { ChangedTable } from "./ChangedTable";
import { differenceTone, formatDifference } from "./diff";
import { periodLabel } from "./period";

/** The what-if's answer: the totals side by side, then who would be paid differently. */
export function WhatIfResult({ report }: { report: WhatIfReport }) {
  const month = periodLabel(report.period);
  const tone = differenceTone(report.difference);
  const nothing = report.changed.length === 0 && report.difference.minor === 0;

  return (
    <section className="wi-result" data-testid="whatif-result" aria-label={`What-if for ${month}`}>
      <header className="wi-result-head">
        <h2>
          {month} under {report.scenario}
        </h2>
        <p className="muted">{report.applies_to}</p>
      </header>

      {nothing && (
        <div className="wi-same" data-testid="whatif-nothing">
          <CheckCircle2 size={18} aria-hidden />
          <span>
            Nothing would change for {month}: {formatMoney(report.actual_total)} either way.
          </span>
        </div>
      )}

      <div className="wi-cards">
        <Card label="Actual" value={formatMoney(report.actual_total)} sub="What the book holds for the month" />
        <Card label="What-if" value={formatMoney(report.scenario_total)} sub={`Under ${report.scenario}`} />
        <Card
          label="Difference"
          tone={tone}
          testId="whatif-difference"
          value={formatDifference(report.difference)}
          sub={
            tone === "more" ? (
              <>
                <TrendingUp size={13} aria-hidden /> Would cost more
              </>
            ) : tone === "less" ? (
              <>
                <TrendingDown size={13} aria-hidden /> Would save
              </>
            ) : (
              "No change in total"
            )
          }
        />
        <Card label="Conversions" value={formatCount(report.conversions)} sub="Considered in the month" />
        <Card
          label="Partners"
          value={`${formatCount(report.changed.length)} changed`}
          sub={`${plural(report.unchanged, "partner")} unchanged`}
        />
      </div>

      {report.held > 0 && (
        <Banner kind="info">
          {plural(report.held, "line")} could not be valued under these rules (no exchange rate for their day) and count as nothing in
          the what-if total. Import exchange rates for those days to include them.
        </Banner>
      )}

      {report.changed.length > 0 && <ChangedTable rows={report.changed} period={report.period} />}
    </section>
  );
}

type CardProps = { label: string; value: string; sub: ReactNode; tone?: "more" | "less" | "same"; testId?: string };

function Card({ label, value, sub, tone, testId }: CardProps) {
  return (
    <div className={cx("wi-card", tone && `wi-card-${tone}`)} data-testid={testId}>
      <span className="wi-card-label">{label}</span>
      <span className="wi-card-value num">{value}</span>
      <span className="wi-card-sub">{sub}</span>
    </div>
  );
}
