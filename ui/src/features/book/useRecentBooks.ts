import { useCallback, useEffect, useState } from "react";
import type { RecentBook } from "../../bindings/RecentBook";
import { bookApi } from "./api";

/** The recent books list; a failure to read it just shows an empty list. */
export function useRecentBooks() {
  const [books, setBooks] = useState<RecentBook[] | null>(null);

  useEffect(() => {
    let live = true;
    bookApi
      .recent()
      .then((list) => live && setBooks(list))
      .catch(() => live && setBooks([]));
    return () => {
      live = false;
    };
  }, []);

  const forget = useCallback(async (path: string) => {
    setBooks(await bookApi.forget(path));
  }, []);

  return { books, forget };
}
