import { useState } from "react";
import type { OutboxStatus } from "../../bindings/OutboxStatus";
import { Segmented } from "../../components/Segmented";
import type { AnnouncementDraft } from "./announcement";
import { AnnouncementsTab } from "./AnnouncementsTab";
import { OutboxTab } from "./OutboxTab";
import { TemplatesTab } from "./TemplatesTab";
import "./email.css";

type Tab = "outbox" | "announcements" | "templates";

const TABS = [
  { value: "outbox" as const, label: "Outbox", testId: "email-tab-outbox" },
  { value: "announcements" as const, label: "Announcements", testId: "email-tab-announcements" },
  { value: "templates" as const, label: "Templates", testId: "email-tab-templates" },
];

/** What another screen opens Email for: the outbox showing one status (the home screen's failed mail). */
export type EmailIntent = { outbox?: OutboxStatus };

/** Email to partners: the outbox, announcements, and the templates messages are made from. */
export function EmailScreen({ initial }: { initial?: EmailIntent } = {}) {
  const [tab, setTab] = useState<Tab>("outbox");
  // The announcement being written survives a look at the other tabs.
  const [announcement, setAnnouncement] = useState<AnnouncementDraft | null>(null);
  return (
    <div className="em-screen" data-testid="email-screen">
      <header className="em-header">
        <div className="em-title">
          <h1>Email</h1>
          <span className="muted">Statements and announcements, sent through your own mail server.</span>
        </div>
        <Segmented<Tab> label="Email" value={tab} options={TABS} onChange={setTab} />
      </header>
      {tab === "outbox" ? (
        <OutboxTab initialFilter={initial?.outbox} />
      ) : tab === "announcements" ? (
        <AnnouncementsTab draft={announcement} onDraft={setAnnouncement} onOpenOutbox={() => setTab("outbox")} />
      ) : (
        <TemplatesTab />
      )}
    </div>
  );
}
