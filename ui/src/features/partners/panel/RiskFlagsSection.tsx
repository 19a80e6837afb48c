import { Pill } from "../../../components/Pill";
import { formatDate } from "../../../lib/format";
import { useFetched } from "../../../lib/useFetched";
import { riskApi } from "../../risk/api";
import { CHECK_TITLES, SEVERITY_TONE } from "../../risk/labels";
import "../../risk/risk.css";

/** The partner's open risk flags, with their evidence; answered on the Risk screen. Nothing when there are none. */
export function RiskFlagsSection({ partnerId }: { partnerId: number }) {
  const flags = useFetched(
    `risk-partner:${partnerId}`,
    () => riskApi.flags({ status: "open", partner_id: partnerId, check: null, limit: 50, offset: null }),
    { keepStale: false },
  );
  const rows = flags.data?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <section className="pf-section risk-panel-flags" aria-labelledby="earn-risk-title" data-testid="partner-risk-flags">
      <h3 id="earn-risk-title" className="pf-section-title">
        Risk flags
      </h3>
      <ul>
        {rows.map((f) => (
          <li key={f.id}>
            <Pill tone={SEVERITY_TONE[f.severity]} dot>
              {CHECK_TITLES[f.check]}
            </Pill>{" "}
            <Pill tone={f.hold ? "red" : "blue"}>{f.hold ? "Held" : "For review"}</Pill>{" "}
            <span className="muted num">{formatDate(f.flagged_on)}</span>
            <p>{f.evidence}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
