import { KeyRound, RefreshCw, Settings } from "lucide-react";
import { useMemo, useState } from "react";
import type { JobProgress } from "../../bindings/JobProgress";
import type { ScreenedSync } from "../../bindings/ScreenedSync";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { JobStatus } from "../../components/JobStatus";
import { Pill } from "../../components/Pill";
import { RetryBanner } from "../../components/RetryBanner";
import { Segmented } from "../../components/Segmented";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { isCancelled } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { useFetched } from "../../lib/useFetched";
import { useProgressJob } from "../../lib/useProgressJob";
import { lastMonth, recentPeriods } from "../whatif/period";
import { syncApi } from "./api";
import { ComparePanel } from "./ComparePanel";
import { ConflictList } from "./ConflictList";
import { noKeysText, PLATFORM_TITLES, syncErrorText } from "./labels";
import { ResourceTable } from "./ResourceTable";
import { RunOutcome } from "./RunOutcome";
import { SyncHeader } from "./SyncHeader";
import "./sync.css";

type Tab = "status" | "conflicts" | "compare";

type Props = {
  /** Opens Settings at its Connections section. */
  onOpenConnections: () => void;
  /** Opens the Risk screen. */
  onOpenRisk?: () => void;
  /** Today, for the month compared by default (last month). */
  today?: Date;
};

/** A sync job's step as JobStatus shows it: "partners (250 fetched)" rather than "Syncing partners". */
function syncStep(p: JobProgress): JobProgress {
  const m = /^Syncing (.+)$/.exec(p.step);
  if (!m) return p;
  return { ...p, step: p.done > 0 ? `${m[1]} (${formatCount(p.done)} fetched)` : m[1] };
}

/** Sync a connection now (or try it dry), see where each resource stands, its conflicts, and the platform's rewards beside ours. */
export function SyncScreen({ onOpenConnections, onOpenRisk, today }: Props) {
  const toast = useToast();
  const [version, setVersion] = useState(0);
  const list = useFetched(`sync-connections:${version}`, syncApi.connections);
  const [picked, setPicked] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("status");
  const periods = useMemo(() => recentPeriods(today ?? new Date()), [today]);
  const [period, setPeriod] = useState(() => lastMonth(today ?? new Date()));
  const [outcome, setOutcome] = useState<ScreenedSync | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const job = useProgressJob(syncApi.cancelJob);

  const connections = list.data ?? [];
  const current = connections.find((v) => v.connection.name === picked) ?? connections[0] ?? null;
  const name = current?.connection.name ?? "";

  const run = async (dryRun: boolean) => {
    if (!current) return;
    setFailure(null);
    setOutcome(null);
    try {
      const report = await job.run(dryRun ? `Dry run of ${name}` : `Syncing ${name}`, (onProgress) =>
        syncApi.run(name, dryRun, [], (p) => onProgress(syncStep(p))),
      );
      setOutcome(report);
    } catch (e) {
      if (isCancelled(e)) toast.show("info", `Sync of ${name} stopped. What came in is kept; the next sync goes on from there.`);
      else setFailure(syncErrorText(e));
    } finally {
      setVersion((v) => v + 1);
    }
  };

  const pick = (n: string) => {
    setPicked(n);
    setOutcome(null);
    setFailure(null);
  };

  if (list.error && !list.data) {
    return (
      <div className="screen sync-screen">
        <SyncHeader connections={[]} current={null} onPick={pick} running={false} onRun={() => undefined} />
        <div className="screen-body sync-body">
          <RetryBanner error={list.error} onRetry={list.reload} />
        </div>
      </div>
    );
  }

  return (
    <div className="screen sync-screen">
      <SyncHeader connections={connections} current={current} onPick={pick} running={job.job !== null} onRun={(d) => void run(d)} />
      {job.job && (
        <JobStatus label={job.job.label} progress={job.job.progress} cancelling={job.job.cancelling} onCancel={job.cancel} testId="sync-job" />
      )}
      <div className="screen-body sync-body">
        {!list.data && <Spinner label="Loading connections" />}
        {list.data && !current && (
          <div data-testid="sync-empty">
            <EmptyState
              icon={<RefreshCw size={22} />}
              title="No connection yet"
              actions={
                <Button variant="primary" icon={<Settings size={15} />} onClick={onOpenConnections} data-testid="sync-open-connections">
                  Add a connection in Settings
                </Button>
              }
            >
              Sync brings your program's groups, partners, customers and sales from PartnerStack or Rewardful into this book, and compares the
              platform's rewards with the commissions computed here. First add a connection with your API keys in Settings › Connections.
            </EmptyState>
          </div>
        )}
        {current && (
          <>
            <div className="sync-connection" data-testid="sync-connection-line">
              <strong>{current.connection.name}</strong>
              <Pill tone="indigo">{PLATFORM_TITLES[current.connection.platform]}</Pill>
              <span className="sync-url" title={current.connection.base_url}>
                {current.connection.base_url}
              </span>
              <Button size="sm" variant="link" icon={<KeyRound size={13} />} onClick={onOpenConnections}>
                Connection settings
              </Button>
            </div>
            {!current.has_keys && (
              <Banner kind="warning" testId="sync-no-keys">
                {noKeysText(current.connection.name, current.connection.platform, "sync")}{" "}
                <Button size="sm" variant="link" onClick={onOpenConnections} data-testid="sync-no-keys-open">
                  Open Connections
                </Button>
              </Banner>
            )}
            {failure && (
              <Banner testId="sync-error" onDismiss={() => setFailure(null)}>
                {failure}
              </Banner>
            )}
            {outcome && <RunOutcome report={outcome} onClose={() => setOutcome(null)} onOpenRisk={onOpenRisk} />}
            <Segmented<Tab>
              label="Show"
              value={tab}
              onChange={setTab}
              options={[
                { value: "status", label: "Last sync", testId: "sync-tab-status" },
                {
                  value: "conflicts",
                  label: current.conflicts > 0 ? `Conflicts (${formatCount(current.conflicts)})` : "Conflicts",
                  testId: "sync-tab-conflicts",
                },
                { value: "compare", label: `${PLATFORM_TITLES[current.connection.platform]} vs ours`, testId: "sync-tab-compare" },
              ]}
            />
            {tab === "status" && <ResourceTable resources={current.resources} />}
            {tab === "conflicts" && <ConflictList connection={name} version={version} />}
            {tab === "compare" && (
              <ComparePanel
                connection={name}
                platformTitle={PLATFORM_TITLES[current.connection.platform]}
                period={period}
                periods={periods}
                onPeriod={setPeriod}
                version={version}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
