import { ChevronLeft, ChevronRight } from "lucide-react";
import { formatCount } from "../lib/format";
import { Button } from "./Button";
import "./Pager.css";

type Props = {
  offset: number;
  pageSize: number;
  total: number;
  onOffset: (offset: number) => void;
  /** Prefix of the buttons' test ids: "<prefix>-prev", "<prefix>-next". */
  testId?: string;
};

/** "101–200 of 1,234" with Previous / Next. */
export function Pager({ offset, pageSize, total, onOffset, testId = "pager" }: Props) {
  if (total <= pageSize && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + pageSize);
  return (
    <div className="pager" role="navigation" aria-label="Pages">
      <span className="pager-range num" data-testid={`${testId}-range`}>
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <Button
        size="sm"
        icon={<ChevronLeft size={14} />}
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
        data-testid={`${testId}-prev`}
      >
        Previous
      </Button>
      <Button size="sm" disabled={last >= total} onClick={() => onOffset(offset + pageSize)} data-testid={`${testId}-next`}>
        Next
        <ChevronRight size={14} />
      </Button>
    </div>
  );
}
