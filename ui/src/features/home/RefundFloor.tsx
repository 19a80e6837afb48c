import { useEffect, useState } from "react";

type Props = { floor: number; onFloor: (floor: number | null) => void };

/** "Partners with at least [10] sales": the refund-rate chart's floor, asked again when changed. */
export function RefundFloor({ floor, onFloor }: Props) {
  const [text, setText] = useState(String(floor));
  useEffect(() => setText(String(floor)), [floor]);
  const value = Number(text);
  const valid = /^\d{1,6}$/.test(text.trim()) && value >= 1;

  // Asked once typing pauses, so 1 → 15 does not ask for 1 first.
  useEffect(() => {
    if (!valid || value === floor) return;
    const t = setTimeout(() => onFloor(value), 500);
    return () => clearTimeout(t);
  }, [text, valid, value, floor, onFloor]);

  return (
    <label className="home-floor">
      partners with at least{" "}
      <input
        className="input input-sm home-floor-input num"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={text}
        aria-invalid={valid ? undefined : true}
        aria-label="Fewest sales to be ranked"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && valid && value !== floor) onFloor(value);
        }}
        data-testid="home-refund-floor"
      />{" "}
      sales
    </label>
  );
}
