// Moving the selection through one page of lines, by id so it survives a reload.

export type Move = "up" | "down" | "first" | "last";

/** The table's keys: ↑/↓ and k/j move, Home/End jump, Enter opens, Esc closes. */
export function keyAction(key: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}): Move | "open" | "close" | null {
  if (mods.ctrl || mods.meta || mods.alt) return null;
  switch (key) {
    case "ArrowDown":
    case "j":
      return "down";
    case "ArrowUp":
    case "k":
      return "up";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Enter":
      return "open";
    case "Escape":
      return "close";
    default:
      return null;
  }
}

/** The id selected after `move`; the first row when nothing (or a row no longer shown) was selected. */
export function moveSelection(ids: number[], selected: number | null, move: Move): number | null {
  if (ids.length === 0) return null;
  const i = selected === null ? -1 : ids.indexOf(selected);
  if (move === "first") return ids[0];
  if (move === "last") return ids[ids.length - 1];
  if (i < 0) return ids[0];
  const next = move === "down" ? Math.min(ids.length - 1, i + 1) : Math.max(0, i - 1);
  return ids[next];
}
