// The engine says why a line is held as "what is missing: what to do"
// ("no plan applies to this partner on 2026-03-01: put them or their group
// on a plan, …, then compute again"). Rows have room for what is missing;
// titles and the panel say both, as sentences.

import { sentence } from "../../lib/errors";

export type HoldReason = { missing: string; todo: string | null };

export function splitHoldReason(reason: string): HoldReason {
  const at = reason.indexOf(": ");
  const missing = (at < 0 ? reason : reason.slice(0, at)).trim();
  const todo = at < 0 ? "" : reason.slice(at + 2).trim();
  return { missing: missing.charAt(0).toUpperCase() + missing.slice(1), todo: todo ? sentence(todo) : null };
}

/** The whole reason as sentences: "No plan applies … 2026-03-01. Put them … again." */
export function holdReasonText(reason: string): string {
  const { missing, todo } = splitHoldReason(reason);
  return todo ? `${sentence(missing)} ${todo}` : sentence(missing);
}
