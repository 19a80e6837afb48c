// Helpers for unit tests: `invoke` is mocked with vi.mock("@tauri-apps/api/core")
// in each test file; these answer commands from a table of handlers.
import { invoke } from "@tauri-apps/api/core";
import { vi } from "vitest";

type Handler = (args: Record<string, unknown>) => unknown;

/** Answers each command from `handlers`; unknown commands reject like the backend. */
export function mockCommands(handlers: Record<string, Handler>) {
  vi.mocked(invoke).mockImplementation(async (cmd: string, args?: unknown) => {
    const handler = handlers[cmd];
    if (!handler) throw { code: "not_found", message: `no mock for ${cmd}`, field: null };
    return handler((args ?? {}) as Record<string, unknown>);
  });
}

/** The arguments of every call to `cmd`, in order. */
export function callsTo(cmd: string): Record<string, unknown>[] {
  return vi
    .mocked(invoke)
    .mock.calls.filter(([c]) => c === cmd)
    .map(([, args]) => (args ?? {}) as Record<string, unknown>);
}

/** A promise with its resolve/reject exposed, for ordering answers by hand. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
