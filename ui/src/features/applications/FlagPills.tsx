import { Pill } from "../../components/Pill";
import { plural } from "../../lib/format";

/** Red and amber checks as two small counts; nothing when every check passed. */
export function FlagPills({ red, amber }: { red: number; amber: number }) {
  if (red === 0 && amber === 0) return <span className="ltable-dim">—</span>;
  return (
    <span className="ap-flags">
      {red > 0 && (
        <Pill tone="red" title={plural(red, "red flag")} testId="application-red">
          {red}
          <span className="visually-hidden"> red</span>
        </Pill>
      )}
      {amber > 0 && (
        <Pill tone="amber" title={`${plural(amber, "check")} to look at`} testId="application-amber">
          {amber}
          <span className="visually-hidden"> amber</span>
        </Pill>
      )}
    </span>
  );
}
