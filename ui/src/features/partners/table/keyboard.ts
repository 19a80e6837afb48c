// Keyboard navigation of the partners table as a pure reducer.

export type NavState = {
  /** Index of the selected row, or null when nothing is selected. */
  selected: number | null;
  /** Whether the detail panel shows the selected row. */
  open: boolean;
};

export type NavAction =
  | { type: "up" }
  | { type: "down" }
  | { type: "pageUp" }
  | { type: "pageDown" }
  | { type: "home" }
  | { type: "end" }
  | { type: "open" }
  | { type: "close" }
  | { type: "select"; index: number }
  | { type: "reset" };

export type NavContext = { rowCount: number; pageRows: number };

export const INITIAL_NAV: NavState = { selected: null, open: false };

function clamp(i: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.max(0, Math.min(count - 1, i));
}

export function navigate(state: NavState, action: NavAction, ctx: NavContext): NavState {
  const { rowCount } = ctx;
  const page = Math.max(1, ctx.pageRows);
  const current = state.selected;
  const move = (to: number): NavState => ({ ...state, selected: clamp(to, rowCount) });
  switch (action.type) {
    case "down":
      return move(current === null ? 0 : current + 1);
    case "up":
      return move(current === null ? 0 : current - 1);
    case "pageDown":
      return move(current === null ? page - 1 : current + page);
    case "pageUp":
      return move(current === null ? 0 : current - page);
    case "home":
      return move(0);
    case "end":
      return move(rowCount - 1);
    case "select":
      return move(action.index);
    case "open":
      return current === null || rowCount === 0 ? state : { ...state, open: true };
    case "close":
      return { ...state, open: false };
    case "reset":
      return INITIAL_NAV;
  }
}

/** The table's keys: arrows and j/k, PageUp/PageDown, Home/End, Enter, Esc. */
export function actionForKey(key: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}): NavAction | null {
  if (mods.ctrl || mods.meta || mods.alt) return null;
  switch (key) {
    case "ArrowDown":
    case "j":
      return { type: "down" };
    case "ArrowUp":
    case "k":
      return { type: "up" };
    case "PageDown":
      return { type: "pageDown" };
    case "PageUp":
      return { type: "pageUp" };
    case "Home":
      return { type: "home" };
    case "End":
      return { type: "end" };
    case "Enter":
      return { type: "open" };
    case "Escape":
      return { type: "close" };
    default:
      return null;
  }
}
