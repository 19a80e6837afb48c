import type { OnboardingRow } from "../../bindings/OnboardingRow";
import { BoardColumn } from "./BoardColumn";
import { columns } from "./labels";

type Props = { rows: OnboardingRow[]; showDone: boolean; selectedId: number | null; onSelect: (id: number) => void };

/** Columns by the step partners are stuck on, longest waiting at the top. */
export function OnboardingBoard({ rows, showDone, selectedId, onSelect }: Props) {
  return (
    <div className="ob-board" data-testid="onboarding-board">
      {columns(rows, showDone).map((c) => (
        <BoardColumn key={c.key} column={c} selectedId={selectedId} onSelect={onSelect} />
      ))}
    </div>
  );
}
