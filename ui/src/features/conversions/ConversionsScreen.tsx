import { CheckCircle2, Receipt, SearchX, Upload } from "lucide-react";
import { useMemo, useState } from "react";
import type { ConversionKind } from "../../bindings/ConversionKind";
import type { ConversionQuery } from "../../bindings/ConversionQuery";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Pager } from "../../components/Pager";
import { Spinner } from "../../components/Spinner";
import { describeError } from "../../lib/errors";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { conversionsApi } from "./api";
import { ConversionsHeader } from "./ConversionsHeader";
import { ConversionsTable } from "./ConversionsTable";
import { ConversionImportDialog } from "./import/ConversionImportDialog";
import { KIND_LABELS } from "./labels";
import { viewQuery, type View } from "./views";
import "./conversions.css";

export const PAGE_SIZE = 100;

export function ConversionsScreen({ baseCurrency }: { baseCurrency: string }) {
  const [view, setView] = useState<View>("all");
  const [kind, setKind] = useState<ConversionKind | "">("");
  const [offset, setOffset] = useState(0);
  const [importing, setImporting] = useState(false);

  const query = useMemo<ConversionQuery>(() => ({ ...viewQuery(view, kind), offset, limit: PAGE_SIZE }), [view, kind, offset]);
  const list = useFetched(JSON.stringify(query), () => conversionsApi.list(query));
  const unattributed = useViewCount("unattributed", kind);
  const held = useViewCount("held", kind);
  const page = list.data;
  const firstLoad = page === null && list.loading;
  const showSpinner = useDelayed(firstLoad, 300);

  const changeView = (v: View) => (setView(v), setOffset(0));
  const changeKind = (k: ConversionKind | "") => (setKind(k), setOffset(0));
  const imported = () => {
    list.reload();
    unattributed.reload();
    held.reload();
  };

  return (
    <div className="conv" data-testid="conversions-screen">
      <ConversionsHeader
        total={page?.total ?? null}
        unattributed={unattributed.data?.total ?? null}
        held={held.data?.total ?? null}
        view={view}
        onView={changeView}
        kind={kind}
        onKind={changeKind}
        onImport={() => setImporting(true)}
      />
      {list.error && (
        <div className="conv-banner">
          <Banner>
            {describeError(list.error)}{" "}
            <Button variant="link" size="sm" onClick={list.reload}>
              Try again
            </Button>
          </Banner>
        </div>
      )}
      <div className="conv-body" aria-busy={list.loading || undefined}>
        {firstLoad || !page ? (
          <div className="conv-center">{showSpinner && <Spinner size={20} label="Loading conversions" />}</div>
        ) : page.total === 0 ? (
          <Empty view={view} kind={kind} onImport={() => setImporting(true)} onAllKinds={() => changeKind("")} />
        ) : (
          <>
            <ConversionsTable rows={page.rows} />
            <Pager offset={offset} pageSize={PAGE_SIZE} total={page.total} onOffset={setOffset} testId="conversions-page" />
          </>
        )}
      </div>
      {importing && <ConversionImportDialog baseCurrency={baseCurrency} onClose={() => setImporting(false)} onImported={imported} />}
    </div>
  );
}

/** How many conversions a view holds, for its badge: one row asked for, the total read. */
function useViewCount(view: View, kind: ConversionKind | "") {
  return useFetched(`${view}:${kind}`, () => conversionsApi.list({ ...viewQuery(view, kind), offset: 0, limit: 1 }));
}

const VIEW_SUFFIX: Record<View, string> = { all: "", unattributed: " without a partner", held: " with a held commission" };

type EmptyProps = { view: View; kind: ConversionKind | ""; onImport: () => void; onAllKinds: () => void };

function Empty({ view, kind, onImport, onAllKinds }: EmptyProps) {
  let content;
  if (view === "unattributed" && !kind) {
    content = (
      <EmptyState icon={<CheckCircle2 size={20} />} title="Every conversion has a partner">
        Nothing to look into: each conversion was credited through a code, a coupon, a link or the customer's partner.
      </EmptyState>
    );
  } else if (view === "held" && !kind) {
    content = (
      <EmptyState icon={<CheckCircle2 size={20} />} title="No commission is waiting">
        Every credited sale's commission is computed: none waits for a plan or an FX rate.
      </EmptyState>
    );
  } else if (kind) {
    content = (
      <EmptyState
        icon={<SearchX size={20} />}
        title={`No ${KIND_LABELS[kind].toLowerCase()} conversions${VIEW_SUFFIX[view]}`}
        actions={<Button onClick={onAllKinds}>Show all kinds</Button>}
      >
        Other kinds of conversions may be in the book.
      </EmptyState>
    );
  } else {
    content = (
      <EmptyState
        icon={<Receipt size={20} />}
        title="No conversions yet"
        actions={
          <Button variant="primary" icon={<Upload size={15} />} onClick={onImport}>
            Import conversions…
          </Button>
        }
      >
        Import a payments or orders export (Stripe, Shopify, PayPal, PartnerStack or any CSV). Each sale is matched to the partner
        whose code, coupon or link it carries, and their commission is computed.
      </EmptyState>
    );
  }
  return (
    <div className="conv-center" data-testid="conversions-empty">
      {content}
    </div>
  );
}
