import { Inbox } from "lucide-react";
import { useState } from "react";
import type { Announcement } from "../../bindings/Announcement";
import { Banner } from "../../components/Banner";
import { Button } from "../../components/Button";
import { RetryBanner } from "../../components/RetryBanner";
import { Spinner } from "../../components/Spinner";
import { useFetched } from "../../lib/useFetched";
import { partnersApi } from "../partners/api";
import { newAnnouncement, queuedText, type AnnouncementDraft } from "./announcement";
import { AnnouncementComposer } from "./AnnouncementComposer";
import { AnnouncementList } from "./AnnouncementList";
import { mailApi } from "./api";

type Props = {
  /** The announcement being written, kept while other tabs are open; null starts from the template. */
  draft: AnnouncementDraft | null;
  onDraft: (draft: AnnouncementDraft | null) => void;
  onOpenOutbox: () => void;
};

/** News for partners: write one for everyone, a group or a tag, queue it, and see the ones before. */
export function AnnouncementsTab({ draft, onDraft, onOpenOutbox }: Props) {
  const templates = useFetched("mail-templates", mailApi.templates);
  const groups = useFetched("groups", partnersApi.groups);
  const tags = useFetched("tags", partnersApi.tags);
  const past = useFetched("announcements", mailApi.announcements);
  const [queued, setQueued] = useState<Announcement | null>(null);
  const template = templates.data?.find((t) => t.name === "announcement") ?? null;
  const current = draft ?? (templates.data ? newAnnouncement(template) : null);

  const done = (a: Announcement) => {
    setQueued(a);
    // A fresh announcement for the same audience, so the same one is not queued twice by accident.
    onDraft(current ? newAnnouncement(template, current.audience) : null);
    past.reload();
  };

  return (
    <div className="em-tab em-announce">
      {templates.error && <RetryBanner error={templates.error} onRetry={templates.reload} />}
      {groups.error && <RetryBanner error={groups.error} onRetry={groups.reload} />}
      {queued && (
        <Banner kind="success" testId="announce-queued" onDismiss={() => setQueued(null)}>
          {queuedText(queued.subject, queued.recipients)}{" "}
          <Button variant="link" size="sm" icon={<Inbox size={13} />} onClick={onOpenOutbox} data-testid="announce-open-outbox">
            Open the Outbox
          </Button>
        </Banner>
      )}
      {current === null ? (
        <div className="em-center">{templates.loading && <Spinner size={20} label="Loading the announcement template" />}</div>
      ) : (
        <AnnouncementComposer
          draft={current}
          onChange={(d) => (onDraft(d), setQueued(null))}
          placeholders={template?.placeholders ?? []}
          groups={groups.data ?? []}
          tags={tags.data ?? []}
          onQueued={done}
        />
      )}
      <section className="em-announce-past" aria-labelledby="announce-past-title">
        <h2 id="announce-past-title">Past announcements</h2>
        {past.error && <RetryBanner error={past.error} onRetry={past.reload} />}
        {past.data === null ? past.loading && <Spinner size={16} label="Loading past announcements" /> : <AnnouncementList announcements={past.data} />}
      </section>
    </div>
  );
}
