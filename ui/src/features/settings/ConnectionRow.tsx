import { KeyRound, PlugZap, Trash2 } from "lucide-react";
import { useState } from "react";
import type { ConnectionView } from "../../bindings/ConnectionView";
import type { KeysHome } from "../../bindings/KeysHome";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Pill } from "../../components/Pill";
import { syncApi } from "../sync/api";
import { DEFAULT_BASE_URLS, noKeysText, PLATFORM_TITLES, sessionKeysText, syncErrorText } from "../sync/labels";
import { ReplaceKeysForm } from "./ReplaceKeysForm";

type Props = {
  view: ConnectionView;
  /** Why this connection's keys last only this session (no keychain), when they were saved in this visit. */
  sessionOnly: string | null;
  onRemove: () => void;
  /** New keys were saved for it: where they went. */
  onKeysSaved: (home: KeysHome) => void;
};

type Tested = { ok: boolean; text: string };

/** One connection: its name, platform, address and whether it has keys; Test, Replace keys and Remove. */
export function ConnectionRow({ view, sessionOnly, onRemove, onKeysSaved }: Props) {
  const c = view.connection;
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<Tested | null>(null);
  const [replacing, setReplacing] = useState(false);
  const ownAddress = c.base_url === DEFAULT_BASE_URLS[c.platform];

  const test = async () => {
    setTesting(true);
    setTested(null);
    try {
      setTested({ ok: true, text: await syncApi.test(c.name) });
    } catch (e) {
      setTested({ ok: false, text: syncErrorText(e) });
    } finally {
      setTesting(false);
    }
  };

  const keysSaved = (home: KeysHome) => {
    setReplacing(false);
    // What Test said was about the old keys.
    setTested(null);
    onKeysSaved(home);
  };

  return (
    <li className="connection-row" data-testid="connection-row" data-name={c.name}>
      <div className="connection-line">
        <div className="connection-what">
          <div className="connection-title">
            <strong className="connection-name">{c.name}</strong>
            <Pill tone="indigo">{PLATFORM_TITLES[c.platform]}</Pill>
            {view.has_keys ? (
              <span className="connection-keys connection-keys-saved" data-testid="connection-keys">
                <KeyRound size={13} aria-hidden /> Keys saved
              </span>
            ) : (
              <span className="connection-keys connection-keys-none" data-testid="connection-keys">
                No keys
              </span>
            )}
          </div>
          <span className="connection-url" title={c.base_url} data-testid="connection-url">
            {c.base_url}
            {ownAddress && <span className="muted"> (the platform's own)</span>}
          </span>
        </div>
        <div className="connection-actions">
          <Button size="sm" icon={<PlugZap size={14} />} busy={testing} onClick={() => void test()} data-testid="connection-test">
            Test
          </Button>
          <Button
            size="sm"
            icon={<KeyRound size={14} />}
            onClick={() => setReplacing((r) => !r)}
            aria-expanded={replacing}
            data-testid="connection-replace-keys"
          >
            Replace keys
          </Button>
          <Button size="sm" variant="ghost" icon={<Trash2 size={14} />} onClick={onRemove} data-testid="connection-remove">
            Remove…
          </Button>
        </div>
      </div>
      {sessionOnly !== null && (
        <Banner kind="warning" testId="connection-session-keys">
          {sessionKeysText(sessionOnly)}
        </Banner>
      )}
      {!view.has_keys && !replacing && (
        <Banner kind="warning" testId="connection-no-keys">
          {noKeysText(c.name, c.platform, "settings")}
        </Banner>
      )}
      {replacing && <ReplaceKeysForm connection={c} hasKeys={view.has_keys} onSaved={keysSaved} onCancel={() => setReplacing(false)} />}
      {tested && (
        <Banner kind={tested.ok ? "success" : "error"} testId="connection-test-result" onDismiss={() => setTested(null)}>
          {tested.text}
        </Banner>
      )}
    </li>
  );
}
