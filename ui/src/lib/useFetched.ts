import { useCallback, useEffect, useRef, useState } from "react";
import { toAppError, type AppError } from "./errors";

export type Fetched<T> = {
  /** The last answer (see `keepStale`). */
  data: T | null;
  loading: boolean;
  error: AppError | null;
  reload: () => void;
};

type Options = {
  /**
   * Keep showing the previous key's answer while the new one loads (pages
   * of a list, so they don't flash). False for details that must never be
   * shown under another record's name. Default true.
   */
  keepStale?: boolean;
};

type Answer<T> = { key: string; value: T | null; error: AppError | null };

/**
 * Loads `load()` whenever `key` changes (or on reload); answers to an older
 * key are dropped. `load` may change on every render: only `key` matters.
 */
export function useFetched<T>(key: string, load: () => Promise<T>, { keepStale = true }: Options = {}): Fetched<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setAnswer({ key, value, error: null });
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setAnswer((a) => ({ key, value: a && (keepStale || a.key === key) ? a.value : null, error: toAppError(e) }));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, nonce, keepStale]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = answer !== null && (keepStale || answer.key === key);
  return {
    data: current ? answer.value : null,
    loading,
    error: answer !== null && answer.key === key ? answer.error : null,
    reload,
  };
}
