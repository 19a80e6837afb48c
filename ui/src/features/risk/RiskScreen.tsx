import { ShieldCheck } from "lucide-react";
import { useMemo, useState } from "react";
import type { RiskFlag } from "../../bindings/RiskFlag";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { JobStatus } from "../../components/JobStatus";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { plural } from "../../lib/format";
import { minorToDecimal } from "../../lib/money";
import { formatDecimalMoney } from "../../lib/moneyDisplay";
import { useFetched } from "../../lib/useFetched";
import { useProgressJob } from "../../lib/useProgressJob";
import { riskApi } from "./api";
import { CheckSettingsDialog } from "./CheckSettingsDialog";
import { FlagList } from "./FlagList";
import { canDecline, scanSummary } from "./labels";
import { ResolveDialog } from "./ResolveDialog";
import { RiskHeader, type StatusFilter } from "./RiskHeader";
import "./risk.css";

/** Open risk flags by partner, with their evidence; clear or decline them in bulk. */
export function RiskScreen() {
  const toast = useToast();
  const [status, setStatus] = useState<StatusFilter>("open");
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [resolving, setResolving] = useState<"clear" | "decline" | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const scan = useProgressJob(riskApi.cancelJob);

  const list = useFetched(`risk:${status}:${version}`, () =>
    riskApi.flags({ status: status === "all" ? null : status, partner_id: null, check: null, limit: 1000, offset: null }),
  );
  const flags = list.data?.rows ?? [];
  const chosen = flags.filter((f) => selected.has(f.id));
  const held = useMemo(() => heldTotal(flags), [flags]);
  const reload = () => {
    setSelected(new Set());
    setVersion((v) => v + 1);
  };

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const togglePartner = (ids: number[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const runScan = async () => {
    try {
      const report = await scan.run("Checking the book", riskApi.scan);
      toast.success(scanSummary(report));
      reload();
    } catch (e) {
      toast.error(e);
    }
  };

  const resolve = async (reason: string) => {
    const ids = chosen.map((f) => f.id);
    if (resolving === "clear") {
      const n = await riskApi.clear(ids, reason);
      toast.success(`${plural(n, "flag")} cleared: what they held follows its normal dates.`);
    } else {
      const r = await riskApi.decline(ids, reason);
      const currency = chosen[0]?.currency ?? "";
      toast.success(
        `${plural(r.commissions, "commission line")} declined (${formatDecimalMoney(minorToDecimal(r.amount_minor, currency), currency)}).` +
          (r.in_runs > 0 ? ` ${plural(r.in_runs, "line")} in a payout run were left alone.` : ""),
      );
    }
    setResolving(null);
    reload();
  };

  const declinable = chosen.length > 0 && chosen.every(canDecline);
  return (
    <div className="screen risk-screen">
      <RiskHeader
        total={list.data ? Number(list.data.total) : null}
        held={status === "open" && held ? held : null}
        status={status}
        onStatus={(s) => (setStatus(s), setSelected(new Set()))}
        onScan={() => void runScan()}
        scanning={scan.job !== null}
        onSettings={() => setSettingsOpen(true)}
      />
      {scan.job && (
        <JobStatus label={scan.job.label} progress={scan.job.progress} cancelling={scan.job.cancelling} onCancel={scan.cancel} testId="risk-scan-job" />
      )}
      {chosen.length > 0 && (
        <div className="risk-bulk" role="toolbar" aria-label="Selected flags" data-testid="risk-bulk">
          <span className="num">{plural(chosen.length, "flag")} selected</span>
          <Button variant="primary" onClick={() => setResolving("clear")} data-testid="risk-clear">
            Clear…
          </Button>
          <Button
            variant="danger"
            onClick={() => setResolving("decline")}
            disabled={!declinable}
            title={declinable ? undefined : "Only flags on a sale can be declined; a flag about the partner is cleared"}
            data-testid="risk-decline"
          >
            Decline commissions…
          </Button>
          <Button variant="ghost" onClick={() => setSelected(new Set())}>
            Unselect
          </Button>
        </div>
      )}
      <div className="screen-body risk-body">
        {list.error && <RetryBanner error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <Spinner label="Loading flags" />}
        {list.data && flags.length === 0 && (
          <EmptyState
            icon={<ShieldCheck size={22} />}
            title={status === "open" ? "No open flags" : "No flags here"}
            actions={
              status === "open" && (
                <Button onClick={() => void runScan()} disabled={scan.job !== null}>
                  Check the whole book
                </Button>
              )
            }
          >
            Every import checks its new sales for self-referrals, customers who are partners, disposable emails,
            refund spikes, sales far above a partner's usual and coupons used without the partner's links.
          </EmptyState>
        )}
        {flags.length > 0 && <FlagList flags={flags} selected={selected} onToggle={toggle} onTogglePartner={togglePartner} />}
      </div>
      {resolving && <ResolveDialog kind={resolving} count={chosen.length} onSubmit={resolve} onClose={() => setResolving(null)} />}
      {settingsOpen && <CheckSettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

/** What the open holding flags keep back, per flag's sale or partner (not double-counted per partner). */
function heldTotal(flags: RiskFlag[]): string | null {
  const seen = new Set<string>();
  let minor = 0;
  let currency = "";
  for (const f of flags) {
    if (f.status !== "open" || !f.hold) continue;
    const key = f.conversion_id === null ? `p${f.partner_id}` : `s${f.conversion_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    minor += f.covered_minor;
    currency = f.currency;
  }
  return currency ? formatDecimalMoney(minorToDecimal(minor, currency), currency) : null;
}
