import { useCallback, useState } from "react";
import { describeError, toAppError } from "../../lib/errors";
import { filesApi } from "./api";

/**
 * Open a written file, or show it in its folder; why the system could not,
 * kept to show next to the files.
 */
export function useFileActions() {
  const [error, setError] = useState<string | null>(null);

  const attempt = useCallback(async (action: (path: string) => Promise<unknown>, path: string) => {
    setError(null);
    try {
      await action(path);
    } catch (e) {
      setError(describeError(toAppError(e)));
    }
  }, []);

  return {
    open: useCallback((path: string) => void attempt(filesApi.open, path), [attempt]),
    reveal: useCallback((path: string) => void attempt(filesApi.reveal, path), [attempt]),
    error,
    dismiss: useCallback(() => setError(null), []),
  };
}
