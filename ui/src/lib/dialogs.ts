// Where file and folder dialogs start: the open book's folder, not the
// system's "Recent" place (where GTK greys out Open for a folder).

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
