import type { ApplicationStatus } from "../../bindings/ApplicationStatus";
import { useFetched } from "../../lib/useFetched";
import { applicationsApi } from "./api";

export type StatusCounts = Record<ApplicationStatus, number>;

const STATUSES: ApplicationStatus[] = ["pending", "approved", "rejected"];

/** How many applications are in each state; asked again whenever `version` changes. */
export function useStatusCounts(version: number): StatusCounts | null {
  const fetched = useFetched(`application-counts:${version}`, async () => {
    const pages = await Promise.all(
      STATUSES.map((status) =>
        applicationsApi.list({ status, min_score: null, max_score: null, flagged_by: null, sort: null, limit: 1, offset: 0 }),
      ),
    );
    return { pending: pages[0].total, approved: pages[1].total, rejected: pages[2].total };
  });
  return fetched.data;
}
