import { useState, type FormEvent, type InputHTMLAttributes } from "react";
import type { ConnectionSaved } from "../../bindings/ConnectionSaved";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { RadioCards } from "../../components/RadioCards";
import { formRefusal } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { syncApi } from "../sync/api";
import { DEFAULT_BASE_URLS, PLATFORM_TITLES } from "../sync/labels";
import { ConnectionKeyFields } from "./ConnectionKeyFields";
import {
  connectionFieldOf,
  connectionLabels,
  emptyConnectionForm,
  formToConnection,
  withPlatform,
  type ConnectionErrors,
  type ConnectionForm,
} from "./connectionForm";

type Props = {
  onAdded: (saved: ConnectionSaved) => void;
  onCancel: () => void;
};

const PLATFORM_OPTIONS = [
  {
    value: "partnerstack" as const,
    label: PLATFORM_TITLES.partnerstack,
    description: "Groups, partners, customers, transactions, rewards, leads and deals.",
  },
  {
    value: "rewardful" as const,
    label: PLATFORM_TITLES.rewardful,
    description: "Campaigns, affiliates, referrals, commissions and payouts.",
  },
];

/** A new connection: the platform, a name, its address, and its keys (to the keychain, never shown back). */
export function AddConnectionForm({ onAdded, onCancel }: Props) {
  const [form, setForm] = useState<ConnectionForm>(() => emptyConnectionForm());
  const [errors, setErrors] = useState<ConnectionErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { ref, refused } = useRefusalFocus<HTMLFormElement>();

  const update = (patch: Partial<ConnectionForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const result = formToConnection(form);
    if ("errors" in result) {
      setErrors(result.errors);
      refused();
      return;
    }
    setSaving(true);
    try {
      onAdded(await syncApi.add(result.connection));
    } catch (err) {
      const refusal = formRefusal(err, connectionFieldOf, connectionLabels(form.platform));
      setErrors(refusal.errors);
      setFailure(refusal.banner);
      setSaving(false);
      refused();
    }
  };

  const input = (key: "name" | "baseUrl", testId: string, extra: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={`connection-${key}`}
      className="input"
      value={form[key]}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={errors[key] ? true : undefined}
      onChange={(e) => update({ [key]: e.target.value })}
      data-testid={testId}
      {...extra}
    />
  );

  return (
    <form className="connection-add" onSubmit={(e) => void submit(e)} noValidate ref={ref} data-testid="connection-add-form" aria-label="Add a connection">
      {failure && (
        <Banner testId="connection-add-error" onDismiss={() => setFailure(null)}>
          {failure}
        </Banner>
      )}
      <RadioCards
        name="connection-platform"
        label="Platform"
        value={form.platform}
        options={PLATFORM_OPTIONS}
        onChange={(p) => (setForm((f) => withPlatform(f, p)), setErrors({}))}
      />
      <div className="settings-row">
        <Field label="Name" htmlFor="connection-name" error={errors.name} hint="Sales it brings in show this name as their source.">
          {input("name", "connection-name")}
        </Field>
        <Field
          label="Base URL (optional)"
          htmlFor="connection-baseUrl"
          error={errors.baseUrl}
          hint="Leave empty for the platform's own address."
        >
          {input("baseUrl", "connection-base-url", { type: "url", placeholder: DEFAULT_BASE_URLS[form.platform] })}
        </Field>
      </div>
      <ConnectionKeyFields
        platform={form.platform}
        keys={form}
        errors={errors}
        onChange={update}
        idPrefix="connection"
        testIdPrefix="connection"
      />
      <p className="connection-add-note">The keys go to the system keychain, never into the book, and are not shown again.</p>
      <div className="connection-add-actions">
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving} data-testid="connection-save">
          Add connection
        </Button>
      </div>
    </form>
  );
}
