import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "./Button";

type Props = {
  /** The month shown, "2026-11". */
  period: string;
  /** The months offered, newest first (the first is the month so far). */
  periods: string[];
  onPeriod: (period: string) => void;
  /** A month in words ("November 2026"). */
  label: (period: string) => string;
  disabled?: boolean;
  testId?: string;
};

/** A month picker with a step back and forward, newest month first: the What-if's and the Sync comparison's. */
export function MonthStepper({ period, periods, onPeriod, label, disabled = false, testId }: Props) {
  const index = periods.indexOf(period);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        icon={<ChevronLeft size={15} />}
        aria-label="Month before"
        disabled={disabled || index < 0 || index >= periods.length - 1}
        onClick={() => onPeriod(periods[index + 1])}
      />
      <select className="input" aria-label="Month" value={period} disabled={disabled} data-testid={testId} onChange={(e) => onPeriod(e.target.value)}>
        {periods.map((p, i) => (
          <option key={p} value={p}>
            {label(p)}
            {i === 0 ? " (so far)" : ""}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        variant="ghost"
        icon={<ChevronRight size={15} />}
        aria-label="Month after"
        disabled={disabled || index <= 0}
        onClick={() => onPeriod(periods[index - 1])}
      />
    </>
  );
}
