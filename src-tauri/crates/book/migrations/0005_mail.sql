-- Email through the manager's own SMTP server: settings (the password is
-- in the OS keychain, never here), templates, and an outbox that survives
-- restarts and never sends a message twice.

ALTER TABLE program ADD COLUMN smtp_host TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN smtp_port INTEGER NOT NULL DEFAULT 587 CHECK (smtp_port BETWEEN 1 AND 65535);
ALTER TABLE program ADD COLUMN smtp_tls TEXT NOT NULL DEFAULT 'starttls' CHECK (smtp_tls IN ('starttls', 'tls', 'none'));
ALTER TABLE program ADD COLUMN smtp_user TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN mail_from_name TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN mail_from_email TEXT NOT NULL DEFAULT '';

CREATE TABLE mail_templates (
    name       TEXT PRIMARY KEY,
    subject    TEXT NOT NULL,
    text_body  TEXT NOT NULL,
    html_body  TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- queued → sending → sent | failed; a message found in 'sending' after a
-- crash becomes 'unknown' for the manager to decide, never resent blindly.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    -- What the message is about, so queueing twice adds nothing:
    -- 'statement:1042' (a payout), 'announcement:7:12' (an announcement, a partner).
    key             TEXT NOT NULL UNIQUE,
    partner_id      INTEGER REFERENCES partners(id) ON DELETE SET NULL,
    template        TEXT NOT NULL,
    to_email        TEXT NOT NULL CHECK (instr(to_email, '@') > 1),
    to_name         TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL DEFAULT '',
    attachment_name TEXT,
    attachment      BLOB,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_reply      TEXT,
    next_attempt_at TEXT NOT NULL,
    message_id      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    CHECK ((attachment IS NULL) = (attachment_name IS NULL)),
    CHECK (status <> 'sent' OR sent_at IS NOT NULL)
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at, id);
CREATE INDEX outbox_partner ON outbox(partner_id, id);

-- A sent message is history: it never changes again.
CREATE TRIGGER outbox_sent_frozen BEFORE UPDATE ON outbox WHEN old.status = 'sent'
BEGIN SELECT RAISE(ABORT, 'a sent message never changes'); END;
