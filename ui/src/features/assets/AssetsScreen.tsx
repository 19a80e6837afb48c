import { useCallback, useEffect, useMemo, useState } from "react";
import type { AddOptions } from "../../bindings/AddOptions";
import { Banner } from "../../components/Banner";
import { JobStatus } from "../../components/JobStatus";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { useDebounced } from "../../lib/useDebounced";
import { useDelayed } from "../../lib/useDelayed";
import { useFetched } from "../../lib/useFetched";
import { useProgressJob } from "../../lib/useProgressJob";
import { partnersApi } from "../partners/api";
import { assetsApi, chooseFilesToAdd } from "./api";
import { AssetFilters, type AssetView } from "./AssetFilters";
import { AssetGrid } from "./AssetGrid";
import { AssetPanel } from "./AssetPanel";
import { AssetsEmpty } from "./AssetsEmpty";
import { AssetsHeader } from "./AssetsHeader";
import { AssetTable } from "./AssetTable";
import { BaseUrlLine } from "./BaseUrlLine";
import { DropOverlay } from "./DropOverlay";
import { KitExportDialog } from "./KitExportDialog";
import { addedText } from "./labels";
import { DEFAULT_FILTERS, hasFilters, toQuery, type Filters } from "./query";
import { useFileDrop } from "./useFileDrop";
import "./assets.css";

/** Typing in the filters waits this long before asking again. */
const FILTER_DEBOUNCE_MS = 200;

/** New files: kind and the rest worked out from the content. */
const ADD_OPTIONS: AddOptions = { kind: null, tags: [], group_ids: [], landing_url: "" };

type Outcome = { kind: "success" | "error"; text: string };

/** Banners, images, documents and templates partners promote with; kits to send them. */
export function AssetsScreen() {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [view, setView] = useState<AssetView>("grid");
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [kitOpen, setKitOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [baseUrl, setBaseUrl] = useState<string | null>(null);
  const { job, run, cancel } = useProgressJob(assetsApi.cancelJob);

  const debounced = useDebounced(filters, FILTER_DEBOUNCE_MS);
  // The archived toggle and the selects answer at once; typing waits.
  const effective = useMemo(
    () => ({ ...debounced, kind: filters.kind, groupId: filters.groupId, archived: filters.archived }),
    [debounced, filters.kind, filters.groupId, filters.archived],
  );
  const query = useMemo(() => toQuery(effective), [effective]);
  const list = useFetched(`${JSON.stringify(query)}:${version}`, () => assetsApi.list(query));
  const groups = useFetched("groups", partnersApi.groups);
  const assets = list.data;
  const showSpinner = useDelayed(assets === null && list.loading, 300);

  useEffect(() => {
    let live = true;
    assetsApi.baseUrl().then(
      (url) => live && setBaseUrl(url),
      () => live && setBaseUrl(null),
    );
    return () => {
      live = false;
    };
  }, []);

  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const addFiles = async (paths: string[]) => {
    if (paths.length === 0 || job) return;
    setOutcome(null);
    try {
      const report = await run("Adding files", (onProgress) => assetsApi.add(paths, ADD_OPTIONS, onProgress));
      setOutcome({ kind: "success", text: addedText(report) });
      if (report.added.length === 1) setSelectedId(report.added[0]);
      changed();
    } catch (e) {
      if (!isCancelled(e)) setOutcome({ kind: "error", text: describeError(toAppError(e)) });
    }
  };

  const pickFiles = async () => {
    try {
      await addFiles(await chooseFilesToAdd());
    } catch (e) {
      setOutcome({ kind: "error", text: describeError(toAppError(e)) });
    }
  };

  const { dragging } = useFileDrop((paths) => void addFiles(paths));

  const changeFilters = (f: Filters) => {
    setFilters(f);
    setSelectedId(null);
  };

  return (
    <div className="screen as-screen" data-testid="assets-screen">
      <AssetsHeader count={assets?.length ?? null} archived={filters.archived} busy={job !== null} onAdd={() => void pickFiles()} onKit={() => setKitOpen(true)} />
      <div className="as-links">
        <BaseUrlLine url={baseUrl} onSaved={setBaseUrl} />
      </div>
      <AssetFilters filters={filters} groups={groups.data ?? []} view={view} onChange={changeFilters} onView={setView} />
      {(job || outcome || list.error) && (
        <div className="as-notices">
          {job && <JobStatus label={job.label} progress={job.progress} onCancel={cancel} cancelling={job.cancelling} testId="assets-job" />}
          {outcome && (
            <Banner kind={outcome.kind} onDismiss={() => setOutcome(null)} testId="assets-outcome">
              {outcome.text}
            </Banner>
          )}
          {list.error && <RetryBanner error={list.error} onRetry={list.reload} />}
        </div>
      )}
      <div className="as-body">
        <div className="as-main" aria-busy={list.loading || undefined}>
          {assets === null ? (
            <div className="as-center">{showSpinner && <Spinner size={20} label="Loading assets" />}</div>
          ) : assets.length === 0 ? (
            <AssetsEmpty filtered={hasFilters(filters)} archived={filters.archived} onClear={() => changeFilters({ ...DEFAULT_FILTERS, archived: filters.archived })} onAdd={() => void pickFiles()} />
          ) : view === "grid" ? (
            <AssetGrid assets={assets} selectedId={selectedId} onSelect={setSelectedId} />
          ) : (
            <AssetTable assets={assets} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </div>
        {selectedId !== null && <AssetPanel assetId={selectedId} groups={groups.data ?? []} onClose={() => setSelectedId(null)} onChanged={changed} />}
      </div>
      {dragging && <DropOverlay />}
      {kitOpen && <KitExportDialog groups={groups.data ?? []} onClose={() => setKitOpen(false)} />}
    </div>
  );
}
