import { CheckCircle2, Receipt, SearchX, Upload, X } from "lucide-react";
import { useMemo, useState } from "react";
import type { ConversionKind } from "../../bindings/ConversionKind";
import type { ConversionQuery } from "../../bindings/ConversionQuery";
import type { PartnerRef } from "../../components/PartnerSearchSelect";
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
import { hasScope, scopeText, viewQuery, type Scope, type View } from "./views";
import "./conversions.css";

export const PAGE_SIZE = 100;

/**
 * What another screen opens Conversions for: days ("YYYY-MM-DD", both
 * included), a partner, kinds (one kind sets the Kind filter), a view, or
 * the import dialog.
 */
export type ConversionsIntent = { from?: string; to?: string; partner?: PartnerRef; kinds?: ConversionKind[]; view?: View; import?: boolean };

type Props = { baseCurrency: string; initial?: ConversionsIntent };

export function ConversionsScreen({ baseCurrency, initial }: Props) {
  const [view, setView] = useState<View>(initial?.view ?? "all");
  const [kind, setKind] = useState<ConversionKind | "">(initial?.kinds?.length === 1 ? initial.kinds[0] : "");
  const [scope, setScope] = useState<Scope>(() => ({
    from: initial?.from,
    to: initial?.to,
    partner: initial?.partner,
    kinds: initial?.kinds && initial.kinds.length > 1 ? initial.kinds : undefined,
  }));
  const [offset, setOffset] = useState(0);
  const [importing, setImporting] = useState(initial?.import ?? false);

  const query = useMemo<ConversionQuery>(() => ({ ...viewQuery(view, kind, scope), offset, limit: PAGE_SIZE }), [view, kind, scope, offset]);
  const list = useFetched(JSON.stringify(query), () => conversionsApi.list(query));
  const unattributed = useViewCount("unattributed", kind, scope);
  const held = useViewCount("held", kind, scope);
  const page = list.data;
  const firstLoad = page === null && list.loading;
  const showSpinner = useDelayed(firstLoad, 300);

  const changeView = (v: View) => (setView(v), setOffset(0));
  const changeKind = (k: ConversionKind | "") => (setKind(k), setOffset(0));
  const clearScope = () => (setScope({}), setOffset(0));
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
      {hasScope(scope) && (
        <div className="conv-scope" data-testid="conversions-scope">
          <span className="conv-scope-text">
            Only <strong>{scopeText(scope, kind)}</strong>
          </span>
          <Button variant="ghost" size="sm" icon={<X size={14} />} onClick={clearScope} data-testid="conversions-scope-clear">
            Show all
          </Button>
        </div>
      )}
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
          <Empty
            view={view}
            kind={kind}
            scoped={hasScope(scope)}
            onImport={() => setImporting(true)}
            onAllKinds={() => changeKind("")}
            onClearScope={clearScope}
          />
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
function useViewCount(view: View, kind: ConversionKind | "", scope: Scope) {
  const query = { ...viewQuery(view, kind, scope), offset: 0, limit: 1 };
  return useFetched(JSON.stringify(query), () => conversionsApi.list(query));
}

const VIEW_SUFFIX: Record<View, string> = { all: "", unattributed: " without a partner", held: " with a held commission" };

type EmptyProps = {
  view: View;
  kind: ConversionKind | "";
  scoped: boolean;
  onImport: () => void;
  onAllKinds: () => void;
  onClearScope: () => void;
};

function Empty({ view, kind, scoped, onImport, onAllKinds, onClearScope }: EmptyProps) {
  let content;
  if (scoped) {
    content = (
      <EmptyState icon={<SearchX size={20} />} title="No conversions here" actions={<Button onClick={onClearScope}>Show all</Button>}>
        No conversion in the book matches this selection.
      </EmptyState>
    );
  } else if (view === "unattributed" && !kind) {
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
