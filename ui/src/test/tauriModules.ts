// Factories for vi.mock of the Tauri modules (the real ones need the webview).
import { vi } from "vitest";

export function coreModule() {
  return {
    invoke: vi.fn(),
    Channel: class Channel<T> {
      onmessage: (m: T) => void;
      constructor(onmessage?: (m: T) => void) {
        this.onmessage = onmessage ?? (() => undefined);
      }
    },
  };
}

export function dialogModule() {
  return { open: vi.fn(), save: vi.fn() };
}
