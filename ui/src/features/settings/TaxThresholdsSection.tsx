import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Threshold } from "../../bindings/Threshold";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { CurrencyInput } from "../../components/CurrencyInput";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError, formRefusal, toAppError } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import { moneyToDecimal } from "../../lib/money";
import { formatMoney } from "../../lib/moneyDisplay";
import { taxThresholdsApi } from "./api";
import { SettingsSection } from "./SettingsSection";
import { defaultThresholdCurrency, thresholdArgs, thresholdFieldOf, type ThresholdErrors } from "./thresholdForm";

const LABELS = { year: "Year", amount: "Amount", currency: "Currency" };

/** Settings → Tax year: the 1099-NEC threshold of each year of payment, and a form to set one. */
export function TaxThresholdsSection() {
  const toast = useToast();
  const [thresholds, setThresholds] = useState<Threshold[] | null>(null);
  const [year, setYear] = useState("");
  const [amount, setAmount] = useState("");
  // null: the currency of the thresholds shown, until one is typed.
  const [currency, setCurrency] = useState<string | null>(null);
  const [errors, setErrors] = useState<ThresholdErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Edit presses, each selecting the amount once it is in the input.
  const [edits, setEdits] = useState(0);
  const { ref, refused } = useRefusalFocus<HTMLFormElement>();
  const amountRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    taxThresholdsApi
      .list()
      .then(setThresholds)
      .catch((e) => setFailure(describeError(toAppError(e))));
  }, []);

  const shownCurrency = currency ?? defaultThresholdCurrency(thresholds ?? []);

  const edited = (key: keyof ThresholdErrors) => setErrors((e) => ({ ...e, [key]: undefined }));

  // A listed year into the form, its amount ready to be typed over (there is no deleting one).
  const edit = (t: Threshold) => {
    setYear(String(t.year));
    setAmount(moneyToDecimal(t.amount));
    setCurrency(t.amount.currency);
    setErrors({});
    setFailure(null);
    setEdits((n) => n + 1);
  };
  // Once the amount is in the input: selected, so typing replaces it.
  useEffect(() => {
    if (edits === 0) return;
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [edits]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = thresholdArgs({ year, amount, currency: shownCurrency });
    if ("errors" in checked) {
      setErrors(checked.errors);
      refused();
      return;
    }
    const { args } = checked;
    setSaving(true);
    try {
      setThresholds(await taxThresholdsApi.set(args.year, args.amount, args.currency));
      setErrors({});
      setYear("");
      setAmount("");
      toast.success(`The 1099-NEC threshold for ${args.year} is saved.`);
    } catch (err) {
      const refusal = formRefusal(err, thresholdFieldOf, LABELS);
      setErrors(refusal.errors);
      setFailure(refusal.banner);
      refused();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="settings-form tax-thresholds" data-testid="tax-thresholds">
      <SettingsSection
        title="Tax year"
        description="A payee paid at least this much in a year outside PayPal needs a 1099-NEC. A year without its own row uses the latest earlier one."
      >
        {failure && (
          <Banner testId="tax-threshold-error" onDismiss={thresholds ? () => setFailure(null) : undefined}>
            {failure}
          </Banner>
        )}
        {thresholds === null ? (
          !failure && <Spinner size={16} label="Loading the tax thresholds" />
        ) : (
          <>
            {thresholds.length === 0 ? (
              <p className="muted">No threshold is set: the Tax year report needs one for its year or an earlier year.</p>
            ) : (
              <ul className="settings-threshold-list" aria-label="1099-NEC thresholds">
                {thresholds.map((t) => (
                  <li key={t.year}>
                    <span className="num" data-testid="tax-threshold-row">
                      {t.year} — {formatMoney(t.amount)}
                    </span>
                    <Button variant="link" size="sm" aria-label={`Edit ${t.year}`} onClick={() => edit(t)} data-testid="tax-threshold-edit">
                      Edit
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={save} noValidate ref={ref} aria-label="Set a year's threshold">
              <div className="settings-threshold-fields">
                <Field label="Year" htmlFor="tax-threshold-year" error={errors.year}>
                  <input
                    id="tax-threshold-year"
                    className="input num"
                    inputMode="numeric"
                    value={year}
                    placeholder={`e.g. ${new Date().getFullYear() + 1}`}
                    aria-invalid={errors.year ? true : undefined}
                    onChange={(e) => (setYear(e.target.value), edited("year"))}
                    data-testid="tax-threshold-year"
                  />
                </Field>
                <Field label="Amount" htmlFor="tax-threshold-amount" error={errors.amount}>
                  <input
                    id="tax-threshold-amount"
                    className="input num"
                    inputMode="decimal"
                    value={amount}
                    ref={amountRef}
                    placeholder="e.g. 2000.00"
                    aria-invalid={errors.amount ? true : undefined}
                    onChange={(e) => (setAmount(e.target.value), edited("amount"))}
                    data-testid="tax-threshold-amount"
                  />
                </Field>
                <Field label="Currency" htmlFor="tax-threshold-currency" error={errors.currency}>
                  <CurrencyInput
                    id="tax-threshold-currency"
                    value={shownCurrency}
                    invalid={!!errors.currency}
                    onChange={(c) => (setCurrency(c), edited("currency"))}
                    testId="tax-threshold-currency"
                  />
                </Field>
                {/* A label's height above it, so the button lines up with the inputs. */}
                <div className="field settings-threshold-actions">
                  <span className="field-label" aria-hidden>
                    {"\u00a0"}
                  </span>
                  <Button type="submit" busy={saving} data-testid="tax-threshold-save">
                    Set threshold
                  </Button>
                </div>
              </div>
            </form>
          </>
        )}
      </SettingsSection>
    </div>
  );
}
