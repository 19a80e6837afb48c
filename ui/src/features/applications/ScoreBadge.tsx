import { cx } from "../../lib/cx";
import { scoreTone } from "./labels";

/** The fit score, 0–100, coloured by how good it is; a dash until screened. */
export function ScoreBadge({ score, large }: { score: number | null; large?: boolean }) {
  const tone = scoreTone(score);
  return (
    <span
      className={cx("ap-score", `ap-score-${tone}`, large && "ap-score-large")}
      title={score === null ? "Not screened yet" : `Fit score ${score} of 100`}
      data-testid="application-score"
      data-tone={tone}
    >
      {score === null ? "—" : score}
    </span>
  );
}
