import { useState } from "react";
import type { Group } from "../../../bindings/Group";
import { Button } from "../../../components/Button";
import { describeError, toAppError } from "../../../lib/errors";
import { partnersApi } from "../api";

type Props = {
  value: number | null;
  groups: Group[];
  onChange: (id: number | null) => void;
  onGroupsChanged: (groups: Group[]) => void;
  invalid?: boolean;
};

const NEW = "__new";

/** The partner's group, with "New group…" to create one in place. */
export function GroupSelect({ value, groups, onChange, onGroupsChanged, invalid }: Props) {
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError("Give the group a name.");
      return;
    }
    setBusy(true);
    try {
      const list = await partnersApi.createGroup(trimmed, "");
      onGroupsChanged(list);
      const made = list.find((g) => g.name.toLowerCase() === trimmed.toLowerCase());
      if (made) onChange(made.id);
      setCreating(false);
      setName("");
      setError(null);
    } catch (e) {
      setError(describeError(toAppError(e), { group: "Group" }));
    } finally {
      setBusy(false);
    }
  };

  if (creating) {
    return (
      <div className="pf-group-new">
        <div className="pf-row">
          <input
            className="input"
            aria-label="New group name"
            placeholder="Group name, e.g. Gold tier"
            value={name}
            autoFocus
            aria-invalid={!!error || undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void create();
              } else if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                setCreating(false);
              }
            }}
          />
          <Button size="sm" variant="primary" onClick={create} busy={busy}>
            Create
          </Button>
          <Button size="sm" variant="ghost" onClick={() => (setCreating(false), setError(null))}>
            Cancel
          </Button>
        </div>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  }

  return (
    <select
      id="pf-group"
      className="input"
      data-testid="field-group"
      value={value ?? ""}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        if (e.target.value === NEW) setCreating(true);
        else onChange(e.target.value ? Number(e.target.value) : null);
      }}
    >
      <option value="">No group</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
      <option value={NEW}>New group…</option>
    </select>
  );
}
