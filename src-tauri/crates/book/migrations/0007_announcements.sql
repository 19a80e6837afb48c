-- Announcements: one message written once, queued through the outbox to
-- every active partner of a group, a tag, or the whole program.
CREATE TABLE announcements (
    id         INTEGER PRIMARY KEY,
    subject    TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    text_body  TEXT NOT NULL CHECK (length(trim(text_body)) > 0),
    html_body  TEXT NOT NULL DEFAULT '',
    -- The audience as chosen ('all', 'group:3', 'tag:newsletter') and as read.
    audience   TEXT NOT NULL,
    audience_label TEXT NOT NULL,
    recipients INTEGER NOT NULL CHECK (recipients > 0),
    created_at TEXT NOT NULL
);
