import { useState } from "react";
import type { Group } from "../../bindings/Group";
import type { KitReport } from "../../bindings/KitReport";
import type { KitTarget } from "../../bindings/KitTarget";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { JobStatus } from "../../components/JobStatus";
import { PartnerSearchSelect, type PartnerRef } from "../../components/PartnerSearchSelect";
import { Segmented } from "../../components/Segmented";
import { describeError, isCancelled, toAppError } from "../../lib/errors";
import { useProgressJob } from "../../lib/useProgressJob";
import { assetsApi, chooseKitPath } from "./api";
import { KitResult } from "./KitResult";

type Props = { groups: Group[]; onClose: () => void };

/** One partner's or one group's assets, links filled in, in a .zip. */
export function KitExportDialog({ groups, onClose }: Props) {
  const [targetKind, setTargetKind] = useState<KitTarget["kind"]>("partner");
  const [partner, setPartner] = useState<PartnerRef | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [report, setReport] = useState<KitReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job, run, cancel } = useProgressJob(assetsApi.cancelJob);

  const group = groups.find((g) => g.id === groupId) ?? null;
  const target: { kit: KitTarget; name: string } | null =
    targetKind === "partner" ? (partner ? { kit: { kind: "partner", id: partner.id }, name: partner.name } : null) : group ? { kit: { kind: "group", id: group.id }, name: group.name } : null;

  const exportKit = async () => {
    if (!target) return;
    setError(null);
    setReport(null);
    try {
      const out = await chooseKitPath(target.name);
      if (!out) return;
      setReport(await run("Exporting the kit", (onProgress) => assetsApi.exportKit(target.kit, out, onProgress)));
    } catch (e) {
      if (!isCancelled(e)) setError(describeError(toAppError(e)));
    }
  };

  return (
    <Dialog
      title="Export kit"
      description="The assets for one partner or a group, with their referral links filled in, in a .zip file."
      onClose={() => {
        if (job) cancel();
        onClose();
      }}
      testId="kit-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={job !== null}>
            {report ? "Done" : "Cancel"}
          </Button>
          <Button variant="primary" onClick={() => void exportKit()} disabled={!target || job !== null} data-testid="kit-run">
            Export…
          </Button>
        </>
      }
    >
      <div className="as-kit-form">
        <Segmented<KitTarget["kind"]>
          label="Kit for"
          value={targetKind}
          onChange={(k) => (setTargetKind(k), setReport(null))}
          options={[
            { value: "partner", label: "A partner", testId: "kit-target-partner" },
            { value: "group", label: "A group", testId: "kit-target-group" },
          ]}
        />
        {targetKind === "partner" ? (
          <Field label="Partner" htmlFor="kit-partner">
            <PartnerSearchSelect
              id="kit-partner"
              value={partner}
              onChange={(p) => (setPartner(p), setReport(null))}
              placeholder="Search partners by name or email"
              clearLabel="Choose another partner"
              testId="kit-partner"
              disabled={job !== null}
            />
          </Field>
        ) : (
          <Field label="Group" htmlFor="kit-group" hint={groups.length === 0 ? "No groups yet: create them on the Partners screen." : undefined}>
            <select
              id="kit-group"
              className="input"
              value={groupId ?? ""}
              disabled={job !== null}
              onChange={(e) => (setGroupId(e.target.value === "" ? null : Number(e.target.value)), setReport(null))}
              data-testid="kit-group"
            >
              <option value="">Choose a group</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {job && <JobStatus label={job.label} progress={job.progress} onCancel={cancel} cancelling={job.cancelling} testId="kit-job" />}
        {error && (
          <Banner onDismiss={() => setError(null)} testId="kit-error">
            {error}
          </Banner>
        )}
        {report && <KitResult report={report} />}
      </div>
    </Dialog>
  );
}
