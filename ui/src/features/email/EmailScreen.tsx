import { useState } from "react";
import { Segmented } from "../../components/Segmented";
import { OutboxTab } from "./OutboxTab";
import { TemplatesTab } from "./TemplatesTab";
import "./email.css";

type Tab = "outbox" | "templates";

const TABS = [
  { value: "outbox" as const, label: "Outbox", testId: "email-tab-outbox" },
  { value: "templates" as const, label: "Templates", testId: "email-tab-templates" },
];

/** Email to partners: the outbox and the templates messages are made from. */
export function EmailScreen() {
  const [tab, setTab] = useState<Tab>("outbox");
  return (
    <div className="em-screen" data-testid="email-screen">
      <header className="em-header">
        <div className="em-title">
          <h1>Email</h1>
          <span className="muted">Statements and announcements, sent through your own mail server.</span>
        </div>
        <Segmented<Tab> label="Email" value={tab} options={TABS} onChange={setTab} />
      </header>
      {tab === "outbox" ? <OutboxTab /> : <TemplatesTab />}
    </div>
  );
}
