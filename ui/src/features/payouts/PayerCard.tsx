import { Landmark, Pencil } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { useToast } from "../../components/Toast";
import { describeError, fieldError, sentence, toAppError } from "../../lib/errors";
import { useFetched } from "../../lib/useFetched";
import { payoutsApi } from "./api";

type Errors = { iban?: string; bic?: string };

/** The account payouts leave from (the SEPA file's debtor): shown, and edited in place. */
export function PayerCard() {
  const toast = useToast();
  const payer = useFetched("payer", payoutsApi.payer);
  const [editing, setEditing] = useState(false);
  const [iban, setIban] = useState("");
  const [bic, setBic] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const p = payer.data;

  const edit = () => {
    setIban(p?.iban ?? "");
    setBic(p?.bic ?? "");
    setErrors({});
    setFailure(null);
    setEditing(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!iban.trim()) {
      setErrors({ iban: "Enter the IBAN payouts leave from." });
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await payoutsApi.setPayer(iban.trim(), bic.trim());
      payer.reload();
      setEditing(false);
      toast.success("Paying account saved.");
    } catch (err) {
      const error = toAppError(err);
      const fe = fieldError(error);
      if (fe && (fe.field === "iban" || fe.field === "bic")) setErrors({ [fe.field]: sentence(fe.message) });
      else setFailure(describeError(error, { iban: "IBAN", bic: "BIC" }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="po-panel po-payer" aria-label="Paying account" data-testid="payer-card">
      <div className="po-payer-head">
        <h3>
          <Landmark size={15} aria-hidden /> Paying account
        </h3>
        {!editing && p && (
          <Button size="sm" variant="ghost" icon={<Pencil size={13} />} onClick={edit} data-testid="payer-edit">
            Edit
          </Button>
        )}
      </div>
      {payer.error && !p && <Banner>{describeError(payer.error)}</Banner>}
      {!p ? (
        !payer.error && <Spinner size={16} label="Loading the paying account" />
      ) : editing ? (
        <form className="po-payer-form" onSubmit={submit} noValidate>
          {failure && <Banner>{failure}</Banner>}
          <Field label="IBAN" htmlFor="po-payer-iban" error={errors.iban}>
            <input
              id="po-payer-iban"
              className="input"
              value={iban}
              spellCheck={false}
              autoComplete="off"
              placeholder="DE89 3704 0044 0532 0130 00"
              aria-invalid={errors.iban ? true : undefined}
              onChange={(e) => (setIban(e.target.value), setErrors((x) => ({ ...x, iban: undefined })))}
              data-testid="payer-iban"
            />
          </Field>
          <Field label="BIC" htmlFor="po-payer-bic" error={errors.bic} hint="Optional inside the SEPA area.">
            <input
              id="po-payer-bic"
              className="input"
              value={bic}
              spellCheck={false}
              autoComplete="off"
              placeholder="COBADEFFXXX"
              aria-invalid={errors.bic ? true : undefined}
              onChange={(e) => (setBic(e.target.value), setErrors((x) => ({ ...x, bic: undefined })))}
              data-testid="payer-bic"
            />
          </Field>
          <div className="po-form-actions">
            <Button onClick={() => setEditing(false)} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={saving} data-testid="payer-save">
              Save
            </Button>
          </div>
        </form>
      ) : (
        <dl className="po-payer-facts">
          <div>
            <dt>Business</dt>
            <dd data-testid="payer-name">{p.name || <span className="muted">Not set (see Settings)</span>}</dd>
          </div>
          <div>
            <dt>IBAN</dt>
            <dd className="po-mono" data-testid="payer-iban-value">
              {p.iban || <span className="muted">Not set: SEPA files need it</span>}
            </dd>
          </div>
          <div>
            <dt>BIC</dt>
            <dd className="po-mono">{p.bic || <span className="muted">—</span>}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
