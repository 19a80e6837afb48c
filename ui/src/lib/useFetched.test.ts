import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred } from "../test/tauri";
import { useFetched } from "./useFetched";

function harness(keepStale: boolean) {
  const answers = new Map<string, ReturnType<typeof deferred<string>>>();
  const answer = (key: string) => {
    if (!answers.has(key)) answers.set(key, deferred<string>());
    return answers.get(key)!;
  };
  const hook = renderHook(({ k }) => useFetched(k, () => answer(k).promise, { keepStale }), { initialProps: { k: "a" } });
  return { hook, answer };
}

describe("useFetched", () => {
  it("keeps the last page while the next loads, and drops answers to an old key", async () => {
    const { hook, answer } = harness(true);
    await act(async () => answer("a").resolve("page a"));
    expect(hook.result.current.data).toBe("page a");
    hook.rerender({ k: "b" });
    expect(hook.result.current).toMatchObject({ data: "page a", loading: true });
    hook.rerender({ k: "c" });
    await act(async () => answer("b").resolve("page b"));
    expect(hook.result.current.data).toBe("page a");
    await act(async () => answer("c").resolve("page c"));
    await waitFor(() => expect(hook.result.current).toMatchObject({ data: "page c", loading: false }));
  });

  it("never shows one record's answer under another's key when asked not to", async () => {
    const { hook, answer } = harness(false);
    await act(async () => answer("a").resolve("about a"));
    expect(hook.result.current.data).toBe("about a");
    hook.rerender({ k: "b" });
    expect(hook.result.current.data).toBeNull();
    await act(async () => answer("b").reject({ code: "not_found", message: "commission 2", field: null }));
    expect(hook.result.current).toMatchObject({ data: null, error: { code: "not_found" } });
  });
});
