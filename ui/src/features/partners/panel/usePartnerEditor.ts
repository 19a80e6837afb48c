import { useCallback, useEffect, useState } from "react";
import type { Partner } from "../../../bindings/Partner";
import { describeError, fieldError, sentence, toAppError } from "../../../lib/errors";
import { partnersApi } from "../api";
import { PARTNER_LABELS } from "../fieldLabels";
import { formKeyFor, type FormKey } from "./fieldErrors";
import { emptyForm, formToInput, partnerToForm, type PartnerForm } from "./partnerForm";
import type { FieldErrors } from "./sectionProps";

export type PanelTarget = { mode: "new" } | { mode: "edit"; id: number };

/** Loads, edits and saves one partner (or a new one) for the detail panel. */
export function usePartnerEditor(target: PanelTarget, onSaved: (p: Partner, created: boolean) => void) {
  const [partner, setPartner] = useState<Partner | null>(null);
  const [baseline, setBaseline] = useState<PartnerForm>(emptyForm);
  const [form, setForm] = useState<PartnerForm>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [loading, setLoading] = useState(target.mode === "edit");
  const [saving, setSaving] = useState(false);
  const id = target.mode === "edit" ? target.id : null;

  const show = useCallback((p: Partner) => {
    const f = partnerToForm(p);
    setPartner(p);
    setBaseline(f);
    setForm(f);
  }, []);

  useEffect(() => {
    setErrors({});
    setBanner(null);
    if (id === null) {
      setPartner(null);
      setBaseline(emptyForm());
      setForm(emptyForm());
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    partnersApi
      .get(id)
      .then((p) => live && show(p))
      .catch((e) => live && setBanner(describeError(toAppError(e), PARTNER_LABELS)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [id, show]);

  const update = useCallback(<K extends FormKey>(key: K, value: PartnerForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  }, []);

  const save = async () => {
    setBanner(null);
    setErrors({});
    setSaving(true);
    try {
      const input = formToInput(form);
      const saved = id === null ? await partnersApi.create(input) : await partnersApi.update(id, input);
      show(saved);
      onSaved(saved, id === null);
    } catch (e) {
      const error = toAppError(e);
      const fe = fieldError(error);
      const key = fe ? formKeyFor(fe.field) : null;
      if (fe && key) setErrors({ [key]: sentence(fe.message) });
      setBanner(describeError(error, PARTNER_LABELS));
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    setForm(baseline);
    setErrors({});
    setBanner(null);
  };

  /** A status change made from the header: keep the person's other edits. */
  const statusChanged = (p: Partner) => {
    setPartner(p);
    const fresh = partnerToForm(p);
    setBaseline(fresh);
    setForm((f) => ({ ...f, status: p.status }));
  };

  /** A change made from the Earnings tab (plan, payout hold): not part of the form. */
  const earningsChanged = (p: Partner) => setPartner(p);

  const dirty = JSON.stringify(form) !== JSON.stringify(baseline);

  return { partner, form, errors, banner, setBanner, loading, saving, dirty, update, save, cancel, statusChanged, earningsChanged };
}
