import { Plus, X } from "lucide-react";
import type { Group } from "../../../bindings/Group";
import { Button } from "../../../components/Button";
import { ChipInput } from "../../../components/ChipInput";
import { Field } from "../../../components/Field";
import { PartnerSearchSelect } from "../../../components/PartnerSearchSelect";
import { GroupSelect } from "./GroupSelect";
import { invalid, type SectionProps } from "./sectionProps";

type Props = SectionProps & {
  groups: Group[];
  tagSuggestions: string[];
  onGroupsChanged: (groups: Group[]) => void;
  selfId: number | null;
};

export function OrganizeSection({ form, errors, update, groups, tagSuggestions, onGroupsChanged, selfId }: Props) {
  const rows = form.custom_fields;
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) =>
    update("custom_fields", rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="pf-section" aria-labelledby="pf-organize">
      <h3 id="pf-organize" className="pf-section-title">
        Program
      </h3>
      <div className="pf-grid">
        <Field label="Group" htmlFor="pf-group" error={errors.group_id}>
          <GroupSelect
            value={form.group_id}
            groups={groups}
            onChange={(id) => update("group_id", id)}
            onGroupsChanged={onGroupsChanged}
            invalid={!!errors.group_id}
          />
        </Field>
        <Field label="Parent partner" htmlFor="pf-parent" error={errors.parent} hint="Earns a share of this partner's commissions (two-tier).">
          <PartnerSearchSelect
            id="pf-parent"
            value={form.parent}
            onChange={(p) => update("parent", p)}
            excludeId={selfId}
            limit={8}
            invalid={!!errors.parent}
            placeholder="Search partners by name or email"
            clearLabel="Remove parent partner"
            testId="field-parent"
          />
        </Field>
        <Field label="Tags" htmlFor="pf-tags" error={errors.tags} className="pf-span-2">
          <ChipInput
            id="pf-tags"
            values={form.tags}
            onChange={(tags) => update("tags", tags)}
            suggestions={tagSuggestions}
            placeholder="Type a tag and press Enter"
            invalid={!!errors.tags}
          />
        </Field>
        <Field label="Custom fields" error={errors.custom_fields} className="pf-span-2">
          <div className="pf-rows">
            {rows.map((r, i) => (
              <div className="pf-row pf-row-kv" key={i}>
                <input
                  className="input"
                  aria-label={`Custom field ${i + 1} name`}
                  placeholder="Field"
                  value={r.key}
                  {...invalid(errors, "custom_fields")}
                  onChange={(e) => setRow(i, { key: e.target.value })}
                />
                <input
                  className="input"
                  aria-label={`Custom field ${i + 1} value`}
                  placeholder="Value"
                  value={r.value}
                  onChange={(e) => setRow(i, { value: e.target.value })}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  icon={<X size={14} />}
                  aria-label={`Remove custom field ${i + 1}`}
                  onClick={() => update("custom_fields", rows.filter((_, j) => j !== i))}
                />
              </div>
            ))}
            <Button variant="link" size="sm" icon={<Plus size={14} />} onClick={() => update("custom_fields", [...rows, { key: "", value: "" }])}>
              Add field
            </Button>
          </div>
        </Field>
      </div>
    </section>
  );
}
