// File and folder dialogs: where they start (the open book's folder, not
// the system's "Recent" place, where GTK greys out Open for a folder), and
// a queue of answers an end-to-end test can fill, since WebDriver cannot
// reach a native dialog.

import { open, save, type OpenDialogOptions, type SaveDialogOptions } from "@tauri-apps/plugin-dialog";

declare global {
  interface Window {
    /** Paths the next dialogs answer with, in order (tests/e2e only). */
    __PARTNERBOOK_DIALOG_ANSWERS__?: string[];
  }
}

function queued(): string | undefined {
  return typeof window === "undefined" ? undefined : window.__PARTNERBOOK_DIALOG_ANSWERS__?.shift();
}

/** The native "open" dialog, or the next queued answer. */
export async function openDialog(options: OpenDialogOptions): Promise<string | string[] | null> {
  const answer = queued();
  if (answer !== undefined) return options.multiple ? [answer] : answer;
  return open(options);
}

/** The native "save" dialog, or the next queued answer. */
export async function saveDialog(options: SaveDialogOptions): Promise<string | null> {
  return queued() ?? save(options);
}

let bookFolder: string | null = null;

/** Remembers the folder of the open book (null when none is open). */
export function setBookFolder(bookPath: string | null): void {
  if (!bookPath) {
    bookFolder = null;
    return;
  }
  const cut = Math.max(bookPath.lastIndexOf("/"), bookPath.lastIndexOf("\\"));
  bookFolder = cut > 0 ? bookPath.slice(0, cut) : null;
}

/** A dialog's `defaultPath`: `name` in the book's folder, the folder itself without a name. */
export function inBookFolder(name?: string): string | undefined {
  if (!bookFolder) return name;
  if (!name) return bookFolder;
  const sep = bookFolder.includes("\\") && !bookFolder.includes("/") ? "\\" : "/";
  return `${bookFolder}${sep}${name}`;
}
