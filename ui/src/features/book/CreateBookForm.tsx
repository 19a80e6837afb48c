import { FolderOpen } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { CurrencyInput } from "../../components/CurrencyInput";
import { Field } from "../../components/Field";
import { describeError, fieldError, toAppError } from "../../lib/errors";
import { useDebounced } from "../../lib/useDebounced";
import { bookApi, chooseNewBookPath, type BookInfo } from "./api";

type Errors = { name?: string; currency?: string; path?: string; form?: string };

const LABELS = { program_name: "Program name", currency: "Base currency", base_currency: "Base currency", path: "File" };

export function CreateBookForm({ onCreated, disabled }: { onCreated: (book: BookInfo) => void; disabled?: boolean }) {
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [path, setPath] = useState("");
  const [pathTouched, setPathTouched] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const debouncedName = useDebounced(name, 200);

  // Prefill the file location from the program name until the person edits it.
  useEffect(() => {
    if (pathTouched) return;
    let live = true;
    bookApi
      .suggestPath(debouncedName.trim())
      .then((p) => live && setPath(p))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [debouncedName, pathTouched]);

  const choose = async () => {
    const picked = await chooseNewBookPath(path).catch(() => null);
    if (picked) {
      setPath(picked);
      setPathTouched(true);
      setErrors((e) => ({ ...e, path: undefined }));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!name.trim()) found.name = "Give the program a name.";
    if (!/^[A-Z]{3}$/.test(currency)) found.currency = "Use a three-letter ISO code such as USD or EUR.";
    if (!path.trim()) found.path = "Choose where to save the book.";
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const book = await bookApi.create(path.trim(), { program_name: name.trim(), base_currency: currency });
      onCreated(book);
    } catch (err) {
      const error = toAppError(err);
      const fe = fieldError(error);
      if (error.code === "already_exists") setErrors({ path: describeError(error) });
      else if (fe?.field === "program_name") setErrors({ name: describeError(error, LABELS) });
      else if (fe && (fe.field === "currency" || fe.field === "base_currency")) setErrors({ currency: describeError(error, LABELS) });
      else setErrors({ form: describeError(error, LABELS) });
      setBusy(false);
    }
  };

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      {errors.form && <Banner testId="form-error">{errors.form}</Banner>}
      <Field label="Program name" htmlFor="create-name" error={errors.name}>
        <input
          id="create-name"
          className="input"
          data-testid="create-name"
          value={name}
          placeholder="Acme Partners"
          autoFocus
          aria-invalid={!!errors.name || undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field
        label="Base currency"
        htmlFor="create-currency"
        error={errors.currency}
        hint="Commissions and payouts are computed in this currency."
      >
        <CurrencyInput id="create-currency" testId="create-currency" value={currency} onChange={setCurrency} invalid={!!errors.currency} />
      </Field>
      <Field label="File" htmlFor="create-path" error={errors.path} hint="One program is one file. You can copy it, back it up, or open it anywhere.">
        <div className="path-row">
          <input
            id="create-path"
            className="input"
            data-testid="create-path"
            value={path}
            spellCheck={false}
            aria-invalid={!!errors.path || undefined}
            onChange={(e) => {
              setPath(e.target.value);
              setPathTouched(true);
            }}
          />
          <Button icon={<FolderOpen size={15} />} onClick={choose}>
            Choose…
          </Button>
        </div>
      </Field>
      <Button type="submit" variant="primary" data-testid="create-submit" busy={busy} disabled={disabled} className="create-submit">
        Create book
      </Button>
    </form>
  );
}
