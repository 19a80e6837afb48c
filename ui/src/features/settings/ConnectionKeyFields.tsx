import type { PlatformName } from "../../bindings/PlatformName";
import { Field } from "../../components/Field";
import { KEY_LABELS } from "../sync/labels";
import type { KeysErrors, KeysForm } from "./connectionForm";

type Props = {
  platform: PlatformName;
  keys: KeysForm;
  errors: KeysErrors;
  onChange: (patch: Partial<KeysForm>) => void;
  /** Prefix of the inputs' ids, unique on the page: "connection" gives connection-user and connection-password. */
  idPrefix: string;
  /** Prefix of their data-testids: "connection" gives connection-user and connection-password. */
  testIdPrefix: string;
  /** Focus the first key on showing (a form opened for nothing but the keys). */
  autoFocus?: boolean;
};

/**
 * A platform's keys in its own words (PartnerStack's public and secret key,
 * Rewardful's API secret), typed into password inputs: never shown back.
 */
export function ConnectionKeyFields({ platform, keys, errors, onChange, idPrefix, testIdPrefix, autoFocus }: Props) {
  const labels = KEY_LABELS[platform];
  const input = (key: keyof KeysForm, first: boolean) => (
    <input
      id={`${idPrefix}-${key}`}
      className="input"
      type="password"
      value={keys[key]}
      autoComplete="off"
      spellCheck={false}
      autoFocus={first && autoFocus}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `${idPrefix}-${key}-error` : undefined}
      onChange={(e) => onChange({ [key]: e.target.value })}
      data-testid={`${testIdPrefix}-${key}`}
    />
  );
  return (
    <div className="settings-row">
      <Field label={labels.user} htmlFor={`${idPrefix}-user`} error={errors.user}>
        {input("user", true)}
      </Field>
      {labels.password && (
        <Field label={labels.password} htmlFor={`${idPrefix}-password`} error={errors.password}>
          {input("password", false)}
        </Field>
      )}
    </div>
  );
}
