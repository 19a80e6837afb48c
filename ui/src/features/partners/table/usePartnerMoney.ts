import { useCallback, useEffect, useReducer, useRef } from "react";
import type { PartnerMoney } from "../../../bindings/PartnerMoney";
import { MoneyCache } from "./moneyCache";
import { moneyView, type MoneyView } from "./moneyView";

type Fetch = (ids: number[]) => Promise<PartnerMoney[]>;

/**
 * The money columns' values, asked for apart from the rows (the rows never
 * wait for them) with `ensure(ids)`, one call per block of rows on screen,
 * and kept per partner until `reset()` (after an edit, an import, or a
 * return to the screen, when money may have changed).
 */
export function usePartnerMoney(fetchMoney: Fetch, baseCurrency: string, onError: (e: unknown) => void) {
  const cache = useRef(new MoneyCache()).current;
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const fetchRef = useRef(fetchMoney);
  const errorRef = useRef(onError);
  const baseRef = useRef(baseCurrency);
  const toldGeneration = useRef(-1);
  fetchRef.current = fetchMoney;
  errorRef.current = onError;

  const reset = useCallback(() => {
    cache.reset();
    bump();
  }, [cache]);

  // Amounts are ordered by the program's currency: another one, another look.
  useEffect(() => {
    if (baseRef.current === baseCurrency) return;
    baseRef.current = baseCurrency;
    reset();
  }, [baseCurrency, reset]);

  const ensure = useCallback(
    (ids: number[]) => {
      const todo = cache.claim(ids);
      if (todo.length === 0) return;
      const generation = cache.generation;
      fetchRef
        .current(todo)
        .then((list) => {
          const views = new Map<number, MoneyView>(list.map((m) => [m.partner_id, moneyView(m, baseRef.current)]));
          if (cache.accept(generation, todo, views)) bump();
        })
        .catch((e) => {
          if (generation !== cache.generation) return;
          cache.fail(generation, todo);
          bump();
          // Said once, not once per block scrolled past.
          if (toldGeneration.current === generation) return;
          toldGeneration.current = generation;
          errorRef.current(e);
        });
    },
    [cache],
  );

  return {
    moneyFor: (id: number) => cache.get(id),
    ensure,
    reset,
    widest: cache.widest,
    /** Changes with each answer and reset. */
    version,
    generation: cache.generation,
  };
}

export type PartnerMoneyState = ReturnType<typeof usePartnerMoney>;
