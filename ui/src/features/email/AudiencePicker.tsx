import { Users } from "lucide-react";
import type { Group } from "../../bindings/Group";
import type { Tag } from "../../bindings/Tag";
import { Segmented } from "../../components/Segmented";
import { Spinner } from "../../components/Spinner";
import { describeError } from "../../lib/errors";
import { cx } from "../../lib/cx";
import { audienceMissing, reachText, type AudienceChoice, type AudienceKind } from "./announcement";
import type { AudienceReach } from "./useAudienceReach";

type Props = {
  value: AudienceChoice;
  onChange: (value: AudienceChoice) => void;
  groups: Group[];
  tags: Tag[];
  reach: AudienceReach;
  /** The core's refusal of the audience, on queueing. */
  error?: string;
};

const KINDS = [
  { value: "all" as const, label: "All active partners", testId: "announce-audience-all" },
  { value: "group" as const, label: "A group", testId: "announce-audience-group" },
  { value: "tag" as const, label: "A tag", testId: "announce-audience-tag" },
];

/** Who an announcement goes to (active partners only), and how many that is now. */
export function AudiencePicker({ value, onChange, groups, tags, reach, error }: Props) {
  const missing = audienceMissing(value);
  const problem = error ?? (reach.error ? describeError(reach.error, { audience: "Audience" }) : null);

  return (
    <div className="field em-audience" role="group" aria-labelledby="announce-audience-label">
      <span className="field-label" id="announce-audience-label">
        Send to
      </span>
      <Segmented<AudienceKind> label="Send to" value={value.kind} options={KINDS} onChange={(kind) => onChange({ ...value, kind })} />
      {value.kind === "group" && (
        <select
          className="input"
          aria-label="Group"
          value={value.groupId ?? ""}
          disabled={groups.length === 0}
          aria-invalid={!!error || undefined}
          onChange={(e) => onChange({ ...value, groupId: e.target.value ? Number(e.target.value) : null })}
          data-testid="announce-group"
        >
          <option value="">{groups.length === 0 ? "No groups yet" : "Choose a group…"}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      )}
      {value.kind === "tag" && (
        <>
          <input
            className="input"
            aria-label="Tag"
            list="announce-tags"
            value={value.tag}
            placeholder="e.g. newsletter"
            spellCheck={false}
            aria-invalid={!!error || undefined}
            onChange={(e) => onChange({ ...value, tag: e.target.value })}
            data-testid="announce-tag"
          />
          <datalist id="announce-tags">
            {tags.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
        </>
      )}
      {problem ? (
        <p className="field-error" role="alert" data-testid="announce-audience-error">
          {problem}
        </p>
      ) : (
        <p className={cx("em-reach", reach.count === 0 && "em-reach-none")} aria-live="polite" data-testid="announce-reach">
          <Users size={14} aria-hidden />
          {missing ? (
            <span className="muted">{missing}</span>
          ) : reach.count !== null && !reach.pending ? (
            <span>
              {reachText(reach.count)}
              {reach.label && value.kind !== "all" && <span className="muted"> · {reach.label}</span>}
            </span>
          ) : (
            <Spinner size={12} label="Counting the partners" />
          )}
        </p>
      )}
    </div>
  );
}
