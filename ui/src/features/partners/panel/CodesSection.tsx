import { Plus, X } from "lucide-react";
import type { CodeKind } from "../../../bindings/CodeKind";
import { Button } from "../../../components/Button";
import { Field } from "../../../components/Field";
import { invalid, type SectionProps } from "./sectionProps";

const KINDS: { value: CodeKind; label: string }[] = [
  { value: "referral", label: "Referral code" },
  { value: "coupon", label: "Coupon code" },
  { value: "link", label: "Link id" },
];

/** Referral codes (in links), coupon codes (at checkout) and link ids. */
export function CodesSection({ form, errors, update }: SectionProps) {
  const codes = form.codes;
  const setCode = (i: number, patch: Partial<(typeof codes)[number]>) =>
    update("codes", codes.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <section className="pf-section" aria-labelledby="pf-codes">
      <h3 id="pf-codes" className="pf-section-title">
        Codes
      </h3>
      <Field label="Referral, coupon and link codes" error={errors.codes}>
        <div className="pf-rows">
          {codes.length === 0 && <p className="pf-none">No codes yet. Conversions are attributed by these codes.</p>}
          {codes.map((c, i) => (
            <div className="pf-row pf-row-code" key={i}>
              <select
                className="input"
                aria-label={`Code ${i + 1} kind`}
                value={c.kind}
                onChange={(e) => setCode(i, { kind: e.target.value as CodeKind })}
              >
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
              <input
                className="input num"
                aria-label={`Code ${i + 1}`}
                placeholder="SUMMER25"
                spellCheck={false}
                value={c.code}
                {...invalid(errors, "codes")}
                onChange={(e) => setCode(i, { code: e.target.value })}
              />
              <Button
                variant="ghost"
                size="sm"
                icon={<X size={14} />}
                aria-label={`Remove code ${i + 1}`}
                onClick={() => update("codes", codes.filter((_, j) => j !== i))}
              />
            </div>
          ))}
          <Button variant="link" size="sm" icon={<Plus size={14} />} onClick={() => update("codes", [...codes, { kind: "referral", code: "" }])}>
            Add code
          </Button>
        </div>
      </Field>
    </section>
  );
}
