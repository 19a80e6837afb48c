import { Search, SearchX } from "lucide-react";
import { useState } from "react";
import type { LineFilter } from "../../bindings/LineFilter";
import type { LineQuery } from "../../bindings/LineQuery";
import type { PayoutLine } from "../../bindings/PayoutLine";
import type { PayoutRun } from "../../bindings/PayoutRun";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Pager } from "../../components/Pager";
import { Spinner } from "../../components/Spinner";
import { cx } from "../../lib/cx";
import { describeError } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { useDebounced } from "../../lib/useDebounced";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { payoutsApi } from "./api";
import { PayoutLinesTable, type SettleHow } from "./PayoutLinesTable";
import "../../components/Segmented.css";

export const LINES_PAGE = 100;

type Props = {
  run: PayoutRun;
  /** Bumped whenever the run changes, to read the lines again. */
  version: number;
  /** Per-line Mark paid / Mark failed, for pending lines of an approved run. */
  onSettle?: (line: PayoutLine, how: SettleHow) => void;
};

/** The run's lines: All / Paid / Held, a search by partner, and pages. */
export function PayoutLines({ run, version, onSettle }: Props) {
  const [filter, setFilter] = useState<LineFilter>("all");
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const text = useDebounced(search.trim(), 200);
  const query: LineQuery = { run_id: run.id, filter, search: text, offset, limit: LINES_PAGE };
  const lines = useFetched(`${JSON.stringify(query)}:${version}`, () => payoutsApi.lines(query));
  const page = lines.data;
  const slow = useDelayed(page === null && lines.loading, 300);

  const tabs: { value: LineFilter; label: string; count: number }[] = [
    { value: "all", label: "All", count: run.paid_count + run.held_count },
    { value: "paid", label: "Paid", count: run.paid_count },
    { value: "held", label: "Held", count: run.held_count },
  ];

  return (
    <section className="po-lines" aria-label="Lines">
      <div className="po-lines-tools">
        <div className="segmented" role="group" aria-label="Show">
          {tabs.map((t) => (
            <button
              key={t.value}
              type="button"
              className={cx("segmented-item", filter === t.value && "segmented-on")}
              aria-pressed={filter === t.value}
              onClick={() => (setFilter(t.value), setOffset(0))}
              data-testid={`payout-lines-${t.value}`}
            >
              {t.label}
              <span className="po-tab-count num">{formatCount(t.count)}</span>
            </button>
          ))}
        </div>
        <span className="po-search">
          <Search size={14} aria-hidden />
          <input
            className="input input-sm"
            type="search"
            placeholder="Search partners"
            aria-label="Search partners"
            value={search}
            onChange={(e) => (setSearch(e.target.value), setOffset(0))}
            data-testid="payout-lines-search"
          />
        </span>
      </div>
      {lines.error && (
        <Banner>
          {describeError(lines.error)}{" "}
          <Button variant="link" size="sm" onClick={lines.reload}>
            Try again
          </Button>
        </Banner>
      )}
      {page === null ? (
        <div className="po-center">{slow && <Spinner size={20} label="Loading lines" />}</div>
      ) : page.total === 0 ? (
        <EmptyState icon={<SearchX size={20} />} title={text || filter !== "all" ? "No lines match" : "No partner has a balance"}>
          {text || filter !== "all" ? "Try another search, or show all lines." : "Nobody is owed anything through this day."}
        </EmptyState>
      ) : (
        <>
          <PayoutLinesTable rows={page.rows} onSettle={onSettle} />
          <Pager offset={offset} pageSize={LINES_PAGE} total={page.total} onOffset={setOffset} testId="payout-lines-page" />
        </>
      )}
    </section>
  );
}
