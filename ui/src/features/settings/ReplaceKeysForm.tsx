import { useState, type FormEvent } from "react";
import type { Connection } from "../../bindings/Connection";
import type { KeysHome } from "../../bindings/KeysHome";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { formRefusal } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { syncApi } from "../sync/api";
import { ConnectionKeyFields } from "./ConnectionKeyFields";
import { connectionLabels, formToKeys, keysFieldOf, type KeysErrors, type KeysForm } from "./connectionForm";

type Props = {
  connection: Connection;
  /** Whether it has keys now: the note says they are replaced, or given. */
  hasKeys: boolean;
  onSaved: (home: KeysHome) => void;
  onCancel: () => void;
};

/**
 * New keys for a connection (rotated on the platform, or lost with a session
 * that had no keychain): the same key fields as adding one, never shown back.
 */
export function ReplaceKeysForm({ connection, hasKeys, onSaved, onCancel }: Props) {
  const [keys, setKeys] = useState<KeysForm>({ user: "", password: "" });
  const [errors, setErrors] = useState<KeysErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { ref, refused } = useRefusalFocus<HTMLFormElement>();
  const platform = connection.platform;

  const update = (patch: Partial<KeysForm>) => {
    setKeys((k) => ({ ...k, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const result = formToKeys(platform, keys);
    if ("errors" in result) {
      setErrors(result.errors);
      refused();
      return;
    }
    setSaving(true);
    try {
      onSaved(await syncApi.setKeys(connection.name, result.keys));
    } catch (err) {
      const refusal = formRefusal(err, keysFieldOf, connectionLabels(platform));
      setErrors(refusal.errors);
      setFailure(refusal.banner);
      setSaving(false);
      refused();
    }
  };

  return (
    <form
      className="connection-add"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === "Escape" && !saving && onCancel()}
      noValidate
      ref={ref}
      data-testid="connection-keys-form"
      aria-label={`New keys for ${connection.name}`}
    >
      {failure && (
        <Banner testId="connection-keys-error" onDismiss={() => setFailure(null)}>
          {failure}
        </Banner>
      )}
      <ConnectionKeyFields
        platform={platform}
        keys={keys}
        errors={errors}
        onChange={update}
        idPrefix={`connection-${connection.id}-keys`}
        testIdPrefix="connection-keys"
        autoFocus
      />
      <p className="connection-add-note">
        {hasKeys ? "The new keys replace the saved ones. " : ""}The keys go to the system keychain, never into the book, and are not shown
        again.
      </p>
      <div className="connection-add-actions">
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving} data-testid="connection-keys-save">
          Save keys
        </Button>
      </div>
    </form>
  );
}
