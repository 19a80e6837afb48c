import type { PartnerStatus } from "../bindings/PartnerStatus";
import "./StatusPill.css";

export const STATUS_LABELS: Record<PartnerStatus, string> = {
  applicant: "Applicant",
  active: "Active",
  paused: "Paused",
  rejected: "Rejected",
  terminated: "Terminated",
};

export const STATUSES: PartnerStatus[] = ["applicant", "active", "paused", "rejected", "terminated"];

export function StatusPill({ status }: { status: PartnerStatus }) {
  return (
    <span className={`pill pill-${status}`}>
      <span className="pill-dot" aria-hidden />
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
