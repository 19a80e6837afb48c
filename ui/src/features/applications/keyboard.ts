// The review queue's keys: decide without reaching for the mouse.
import type { Move } from "../commissions/keyboard";

export type QueueAction = Move | "approve" | "reject" | "check" | "close";

/** j/k (or ↓/↑) move, Home/End jump, a approves, r rejects, x ticks the row, Esc closes the panel. */
export function queueKeyAction(key: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}): QueueAction | null {
  if (mods.ctrl || mods.meta || mods.alt) return null;
  switch (key) {
    case "j":
    case "ArrowDown":
      return "down";
    case "k":
    case "ArrowUp":
      return "up";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "a":
      return "approve";
    case "r":
      return "reject";
    case "x":
      return "check";
    case "Escape":
      return "close";
    default:
      return null;
  }
}

/**
 * The row to select once `decided` leave the list: the next one after the
 * selected row that is not being decided, else the nearest before it.
 */
export function nextAfterDecision(ids: number[], selected: number | null, decided: number[]): number | null {
  if (selected === null) return null;
  const i = ids.indexOf(selected);
  if (i < 0) return null;
  const gone = new Set(decided);
  const after = ids.slice(i + 1).find((id) => !gone.has(id));
  if (after !== undefined) return after;
  const before = ids
    .slice(0, i)
    .reverse()
    .find((id) => !gone.has(id));
  return before ?? null;
}
