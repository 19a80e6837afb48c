import { invoke } from "@tauri-apps/api/core";
import type { Attention } from "../../bindings/Attention";
import type { Home } from "../../bindings/Home";

export const homeApi = {
  /** Months `from` to `to` ("2026-11"), both included; `floor`: the refund-rate chart's minimum of sales (null: the book's default). */
  get: (from: string, to: string, floor: number | null) =>
    invoke<Home>("home_get", floor === null ? { from, to } : { from, to, floor }),
  /** What needs the manager today; slower (it estimates the next payout run), so asked apart. */
  attention: () => invoke<Attention>("home_attention"),
};
