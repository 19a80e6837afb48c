-- Risk checks on sales and partners (self-referral, a customer who is a
-- partner, disposable emails, shared payout accounts, refund spikes,
-- velocity, coupon leakage). A flag keeps its evidence in words. An open
-- flag with hold = 1 stops the commissions it covers from being approved or
-- put in a payout run until the manager clears it (they then follow their
-- normal dates) or declines it with a reason (they are declined).
-- A flag covers one sale's commissions (conversion_id, every level of the
-- two-tier chain), or, without a sale, all of one partner's unpaid ones.
CREATE TABLE risk_flags (
    id            INTEGER PRIMARY KEY,
    check_name    TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity = 'low' OR severity = 'medium' OR severity = 'high'),
    partner_id    INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    conversion_id INTEGER REFERENCES conversions(id) ON DELETE CASCADE,
    -- What the flag is about, so a second scan finds it again instead of
    -- raising it twice ("sale:123", "month:2026-03", "day:2026-03-04").
    subject       TEXT NOT NULL,
    evidence      TEXT NOT NULL CHECK (length(evidence) BETWEEN 1 AND 2000),
    hold          INTEGER NOT NULL CHECK (hold = 0 OR hold = 1),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'cleared' OR status = 'declined'),
    -- The date of the event that raised it (the sale, the month's end).
    flagged_on    TEXT NOT NULL,
    resolved_at   TEXT,
    reason        TEXT,
    created_at    TEXT NOT NULL,
    UNIQUE (check_name, partner_id, subject),
    CHECK (status = 'open' OR (resolved_at IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX risk_flags_open ON risk_flags(partner_id, status);
CREATE INDEX risk_flags_holding_sale ON risk_flags(conversion_id) WHERE status = 'open' AND hold = 1;
CREATE INDEX risk_flags_holding_partner ON risk_flags(partner_id) WHERE status = 'open' AND hold = 1 AND conversion_id IS NULL;

-- What each check does: off, flag only, or hold. A check not listed here
-- does what its default says (in the risk crate). CHECKs spell lists with
-- OR, not IN (see 0010).
CREATE TABLE risk_settings (
    check_name TEXT PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action = 'off' OR action = 'flag' OR action = 'hold')
);

-- A hold raised or lifted while a draft run exists changes what the draft
-- may claim: mark the partners whose lines it covers (see 0014).
CREATE TRIGGER risk_flag_raised AFTER INSERT ON risk_flags
WHEN new.hold = 1 AND EXISTS (SELECT 1 FROM payout_runs WHERE status = 'draft')
BEGIN
    INSERT OR IGNORE INTO draft_stale (partner_id) VALUES (new.partner_id);
    INSERT OR IGNORE INTO draft_stale (partner_id)
    SELECT partner_id FROM commissions WHERE conversion_id = new.conversion_id;
END;

CREATE TRIGGER risk_flag_changed AFTER UPDATE OF status, hold ON risk_flags
WHEN (old.hold = 1 OR new.hold = 1) AND EXISTS (SELECT 1 FROM payout_runs WHERE status = 'draft')
BEGIN
    INSERT OR IGNORE INTO draft_stale (partner_id) VALUES (new.partner_id);
    INSERT OR IGNORE INTO draft_stale (partner_id)
    SELECT partner_id FROM commissions WHERE conversion_id = new.conversion_id;
END;
