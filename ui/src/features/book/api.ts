import { invoke } from "@tauri-apps/api/core";
import type { BookInfo } from "../../bindings/BookInfo";
import type { NewProgram } from "../../bindings/NewProgram";
import type { RecentBook } from "../../bindings/RecentBook";
import { openDialog, saveDialog } from "../../lib/dialogs";
import type { AppAbout } from "../../bindings/AppAbout";
import type { Health } from "../../bindings/Health";

export type { BookInfo };

const BOOK_FILTERS = [{ name: "Partnerbook", extensions: ["partnerbook"] }];

export const bookApi = {
  suggestPath: (programName: string) => invoke<string>("book_suggest_path", { programName }),
  create: (path: string, program: NewProgram) => invoke<BookInfo>("book_create", { path, program }),
  open: (path: string) => invoke<BookInfo>("book_open", { path }),
  openDemo: () => invoke<BookInfo>("book_open_demo"),
  current: () => invoke<BookInfo | null>("book_current"),
  /** This build, the open book's schema and the log folder, for the About box. */
  about: () => invoke<AppAbout>("app_about"),
  /** The open book checked whole: file, triggers, approved runs, stored files. */
  check: () => invoke<Health>("book_check"),
  close: () => invoke<null>("book_close"),
  recent: () => invoke<RecentBook[]>("recent_books"),
  forget: (path: string) => invoke<RecentBook[]>("recent_forget", { path }),
};

/** The native "open" dialog for a book; null when the person cancels. */
export async function chooseBookToOpen(): Promise<string | null> {
  const picked = await openDialog({ multiple: false, directory: false, filters: BOOK_FILTERS, title: "Open a book" });
  return typeof picked === "string" ? picked : null;
}

/** The native "save" dialog for a new book's file. */
export async function chooseNewBookPath(defaultPath: string): Promise<string | null> {
  const picked = await saveDialog({ defaultPath: defaultPath || undefined, filters: BOOK_FILTERS, title: "Create a book" });
  return picked ?? null;
}
