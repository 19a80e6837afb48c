import { Channel, invoke } from "@tauri-apps/api/core";
import type { Comparison } from "../../bindings/Comparison";
import type { ConnectionSaved } from "../../bindings/ConnectionSaved";
import type { ConnectionView } from "../../bindings/ConnectionView";
import type { JobProgress } from "../../bindings/JobProgress";
import type { KeysHome } from "../../bindings/KeysHome";
import type { PlatformName } from "../../bindings/PlatformName";
import type { Resource } from "../../bindings/Resource";
import type { ScreenedSync } from "../../bindings/ScreenedSync";
import type { SyncConflict } from "../../bindings/SyncConflict";

/** What Settings > Connections sends to add one: its keys go to the keychain, never into the book. */
export type NewConnection = {
  name: string;
  platform: PlatformName;
  /** Null: the platform's own address. */
  baseUrl: string | null;
  /** PartnerStack's public key, or Rewardful's API secret. */
  user: string;
  /** PartnerStack's secret key; null for Rewardful. */
  password: string | null;
};

/** A connection's keys: PartnerStack's public and secret key, or Rewardful's API secret (password null). */
export type ConnectionKeys = Pick<NewConnection, "user" | "password">;

export const syncApi = {
  connections: () => invoke<ConnectionView[]>("sync_connections"),
  add: (c: NewConnection) => invoke<ConnectionSaved>("sync_connection_add", { ...c }),
  /** The platform's answer in a sentence; rejects with why it refused. */
  test: (name: string) => invoke<string>("sync_connection_test", { name }),
  remove: (name: string) => invoke<null>("sync_connection_remove", { name }),
  /** Replaces a connection's keys: in the keychain, or for this session only when none runs (said by the answer). */
  setKeys: (name: string, keys: ConnectionKeys) =>
    invoke<KeysHome>("sync_connection_keys", { name, user: keys.user, password: keys.password }),
  /** Sync now (or a dry run, which writes nothing); every resource when `resources` is empty. */
  run: (name: string, dryRun: boolean, resources: Resource[], onProgress: (p: JobProgress) => void) =>
    invoke<ScreenedSync>("sync_run", { name, dryRun, resources, onProgress: new Channel<JobProgress>(onProgress) }),
  conflicts: (connection: string | null) => invoke<SyncConflict[]>("sync_conflicts", { connection }),
  /** The platform's rewards beside our commissions for one month ("2026-11"). */
  compare: (connection: string, period: string) => invoke<Comparison>("sync_compare", { connection, period }),
  cancelJob: () => invoke<null>("job_cancel"),
};
