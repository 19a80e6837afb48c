import { Plus } from "lucide-react";
import { forwardRef, useState } from "react";
import type { ConnectionSaved } from "../../bindings/ConnectionSaved";
import type { KeysHome } from "../../bindings/KeysHome";
import { Button } from "../../components/Button";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { useFetched } from "../../lib/useFetched";
import { syncApi } from "../sync/api";
import { PLATFORM_TITLES } from "../sync/labels";
import { AddConnectionForm } from "./AddConnectionForm";
import { ConnectionRow } from "./ConnectionRow";
import { RemoveConnectionDialog } from "./RemoveConnectionDialog";
import { SettingsSection } from "./SettingsSection";

/**
 * Settings → Connections: the platforms Sync pulls the program from. Keys go
 * to the system keychain and are never shown back; Replace keys gives new
 * ones (rotated, or lost with a session that had no keychain).
 */
export const ConnectionsSection = forwardRef<HTMLDivElement>(function ConnectionsSection(_, ref) {
  const toast = useToast();
  const [version, setVersion] = useState(0);
  const list = useFetched(`sync-connections:${version}`, syncApi.connections);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  // Connections whose keys no keychain took in this visit: name → the system's reason.
  const [sessionOnly, setSessionOnly] = useState<Record<string, string>>({});
  const reload = () => setVersion((v) => v + 1);

  const added = (saved: ConnectionSaved) => {
    const name = saved.connection.name;
    setAdding(false);
    reload();
    if (saved.keys.kind === "unavailable") {
      const reason = saved.keys.reason;
      setSessionOnly((s) => ({ ...s, [name]: reason }));
      toast.success(`Connection ${name} added; its keys are kept for this session only.`);
    } else {
      toast.success(`Connection ${name} added; its keys are in the system keychain.`);
    }
  };

  const keysSaved = (name: string, home: KeysHome) => {
    reload();
    if (home.kind === "unavailable") {
      const reason = home.reason;
      setSessionOnly((s) => ({ ...s, [name]: reason }));
      toast.success(`New keys for ${name} saved for this session only.`);
    } else {
      setSessionOnly((s) => Object.fromEntries(Object.entries(s).filter(([n]) => n !== name)));
      toast.success(`New keys for ${name} saved in the system keychain.`);
    }
  };

  const removed = () => {
    const name = removing;
    setRemoving(null);
    reload();
    if (name) toast.success(`Connection ${name} removed; what it brought in stays in the book.`);
  };

  const connections = list.data ?? [];
  return (
    <div className="settings-form connections-settings" ref={ref}>
      <SettingsSection
        title="Connections"
        description={`The affiliate platforms Sync pulls your program from (${PLATFORM_TITLES.partnerstack}, ${PLATFORM_TITLES.rewardful}). Their keys are kept in the system keychain, never in the book.`}
        testId="settings-connections"
      >
        {list.error && <RetryBanner error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <Spinner size={16} label="Loading the connections" />}
        {list.data &&
          (connections.length === 0 ? (
            !adding && (
              <p className="muted" data-testid="connections-empty">
                No connections yet: add one to sync partners and sales from your affiliate platform.
              </p>
            )
          ) : (
            <ul className="connection-list" data-testid="connection-list">
              {connections.map((v) => (
                <ConnectionRow
                  key={v.connection.id}
                  view={v}
                  sessionOnly={sessionOnly[v.connection.name] ?? null}
                  onRemove={() => setRemoving(v.connection.name)}
                  onKeysSaved={(home) => keysSaved(v.connection.name, home)}
                />
              ))}
            </ul>
          ))}
        {adding ? (
          <AddConnectionForm onAdded={added} onCancel={() => setAdding(false)} />
        ) : (
          <div>
            <Button icon={<Plus size={15} />} onClick={() => setAdding(true)} disabled={!list.data && !list.error} data-testid="connection-add">
              Add connection
            </Button>
          </div>
        )}
        {removing && <RemoveConnectionDialog name={removing} onClose={() => setRemoving(null)} onRemoved={removed} />}
      </SettingsSection>
    </div>
  );
});
