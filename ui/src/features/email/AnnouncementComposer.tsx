import { Megaphone } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { Announcement } from "../../bindings/Announcement";
import type { Group } from "../../bindings/Group";
import type { Tag } from "../../bindings/Tag";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { PartnerSearchSelect, type PartnerRef } from "../../components/PartnerSearchSelect";
import { formRefusal } from "../../lib/errors";
import { useRefusalFocus } from "../../lib/focusInvalid";
import {
  ANNOUNCEMENT_LABELS,
  announcementFieldOf,
  audienceOf,
  queueLabel,
  type AnnouncementDraft,
  type AnnouncementErrors,
} from "./announcement";
import { mailApi } from "./api";
import { AudiencePicker } from "./AudiencePicker";
import { MessageFields } from "./MessageFields";
import type { TemplateField } from "./templateDraft";
import { TemplatePreview } from "./TemplatePreview";
import { useAudienceReach } from "./useAudienceReach";
import { useTemplatePreview } from "./useTemplatePreview";

type Props = {
  draft: AnnouncementDraft;
  onChange: (draft: AnnouncementDraft) => void;
  /** The announcement template's placeholders. */
  placeholders: string[];
  groups: Group[];
  tags: Tag[];
  onQueued: (announcement: Announcement) => void;
};

/** A new announcement: who it goes to, its text with placeholders, a live preview, and Queue. */
export function AnnouncementComposer({ draft, onChange, placeholders, groups, tags, onQueued }: Props) {
  const [errors, setErrors] = useState<AnnouncementErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [queueing, setQueueing] = useState(false);
  const [partner, setPartner] = useState<PartnerRef | null>(null);
  const { ref: formRef, refused } = useRefusalFocus<HTMLFormElement>();
  const audience = audienceOf(draft.audience);
  const reach = useAudienceReach(audience);
  const preview = useTemplatePreview("announcement", draft.message, partner?.id ?? null);
  const errorOf = (f: TemplateField) => errors[f] ?? preview.errors[f];
  const waiting = Object.keys(preview.errors).length > 0 ? "The preview waits for the field marked in red." : null;
  const ready = audience !== null && !reach.pending && reach.count !== null && reach.count > 0 && !reach.error;

  const setField = (field: TemplateField, value: string) => {
    onChange({ ...draft, message: { ...draft.message, [field]: value } });
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const queue = async (e: FormEvent) => {
    e.preventDefault();
    if (!audience || !ready) return;
    setFailure(null);
    setQueueing(true);
    try {
      const queued = await mailApi.announce({ ...draft.message, audience });
      setErrors({});
      setPartner(null);
      onQueued(queued);
    } catch (err) {
      const refusal = formRefusal(err, announcementFieldOf, ANNOUNCEMENT_LABELS);
      setErrors(refusal.errors);
      setFailure(refusal.banner);
      refused();
    } finally {
      setQueueing(false);
    }
  };

  return (
    <div className="em-editor em-compose">
      <form className="em-editor-form" onSubmit={(e) => void queue(e)} noValidate ref={formRef} aria-label="New announcement">
        {failure && (
          <Banner testId="announce-failure" onDismiss={() => setFailure(null)}>
            {failure}
          </Banner>
        )}
        <AudiencePicker
          value={draft.audience}
          onChange={(a) => (onChange({ ...draft, audience: a }), setErrors((x) => ({ ...x, audience: undefined })))}
          groups={groups}
          tags={tags}
          reach={reach}
          error={errors.audience}
        />
        <MessageFields idPrefix="announce" draft={draft.message} errorOf={errorOf} placeholders={placeholders} onChange={setField} textRows={8} />
        <div className="em-editor-actions">
          <span className="em-compose-note">Queued emails wait in the Outbox until you send them.</span>
          <Button
            type="submit"
            variant="primary"
            icon={<Megaphone size={15} />}
            busy={queueing}
            disabled={!ready}
            data-testid="announce-queue"
          >
            {queueLabel(reach.pending ? null : reach.count)}
          </Button>
        </div>
      </form>
      <div className="em-editor-side">
        <Field label="Preview for" htmlFor="announce-partner" hint="The first partner when none is chosen.">
          <PartnerSearchSelect
            id="announce-partner"
            value={partner}
            onChange={setPartner}
            placeholder="Search partners"
            clearLabel="Preview for the first partner"
            testId="announce-partner"
          />
        </Field>
        <TemplatePreview preview={preview.preview} problem={preview.problem ?? waiting} pending={preview.pending} />
      </div>
    </div>
  );
}
