// The screen's views ("All", "Unattributed", "Held") as the backend asks them.

import type { ConversionKind } from "../../bindings/ConversionKind";
import type { ConversionQuery } from "../../bindings/ConversionQuery";

export type View = "all" | "unattributed" | "held";

/** What a view asks for, on one kind or all; the page is added by the caller. */
export function viewQuery(view: View, kind: ConversionKind | ""): Omit<ConversionQuery, "offset" | "limit"> {
  return { partner_id: null, unattributed: view === "unattributed", held: view === "held", kinds: kind ? [kind] : [], from: null, to: null };
}
