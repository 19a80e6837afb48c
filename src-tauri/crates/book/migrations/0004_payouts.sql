-- Payout runs: a draft claims the approved commissions of the partners it
-- will pay; approving locks the run, its payouts and their commissions.

-- The account payouts are sent from (SEPA debtor); its name is business_name.
ALTER TABLE program ADD COLUMN payer_iban TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN payer_bic TEXT NOT NULL DEFAULT '';

-- A manager's hold on a partner's payouts, with the reason; NULL = not held.
ALTER TABLE partners ADD COLUMN payout_hold TEXT;

CREATE TABLE payout_runs (
    id           INTEGER PRIMARY KEY,
    -- Cut-off day, inclusive: approved commissions due on or before it.
    through      TEXT NOT NULL,
    -- The program currency the commissions are counted in.
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    -- A discarded draft keeps its number and its place in the audit log.
    status       TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'discarded')),
    fingerprint  TEXT,
    backup_path  TEXT,
    created_at   TEXT NOT NULL,
    approved_at  TEXT,
    CHECK ((status = 'approved') = (fingerprint IS NOT NULL AND approved_at IS NOT NULL))
);
-- One draft at a time: two drafts could not both claim a commission anyway.
CREATE UNIQUE INDEX payout_runs_one_draft ON payout_runs(status) WHERE status = 'draft';

-- One row per partner with a balance in the run, paid or not (and why not).
CREATE TABLE payouts (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES payout_runs(id),
    partner_id        INTEGER NOT NULL REFERENCES partners(id),
    -- In the run's currency: approved lines > 0, reversals and clawbacks < 0.
    commissions_minor INTEGER NOT NULL,
    clawbacks_minor   INTEGER NOT NULL CHECK (clawbacks_minor <= 0),
    -- The part of the above already due at the previous run (carried forward).
    carried_minor     INTEGER NOT NULL,
    adjustments_minor INTEGER NOT NULL,
    balance_minor     INTEGER NOT NULL,
    -- What is sent, in the partner's payout currency; NULL when not paid.
    pay_minor         INTEGER CHECK (pay_minor IS NULL OR pay_minor > 0),
    pay_currency      TEXT NOT NULL CHECK (length(pay_currency) = 3),
    fx_rate           TEXT,
    fx_source         TEXT,
    -- The payee as they were at the run, so files and statements agree later.
    payee_name        TEXT NOT NULL,
    method            TEXT NOT NULL,
    account           TEXT NOT NULL,
    bic               TEXT NOT NULL DEFAULT '',
    -- Why not paid ('; '-separated reasons); NULL = paid in this run.
    blocked           TEXT,
    status            TEXT NOT NULL CHECK (status IN ('draft', 'held', 'pending', 'paid', 'failed')),
    reference         TEXT,
    failure           TEXT,
    settled_at        TEXT,
    UNIQUE (run_id, partner_id),
    CHECK (balance_minor = commissions_minor + clawbacks_minor + adjustments_minor),
    CHECK ((blocked IS NULL) = (pay_minor IS NOT NULL)),
    CHECK ((status = 'held') = (blocked IS NOT NULL)),
    CHECK (status <> 'failed' OR failure IS NOT NULL)
);
CREATE INDEX payouts_partner ON payouts(partner_id, run_id);

-- Bonuses, corrections and clawbacks by hand, always with a reason. Open
-- until a payout settles them (payout_id), so they carry like commissions.
CREATE TABLE payout_adjustments (
    id           INTEGER PRIMARY KEY,
    partner_id   INTEGER NOT NULL REFERENCES partners(id),
    kind         TEXT NOT NULL CHECK (kind IN ('bonus', 'correction', 'clawback')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    payout_id    INTEGER REFERENCES payouts(id),
    created_at   TEXT NOT NULL,
    CHECK (kind <> 'bonus' OR amount_minor > 0),
    CHECK (kind <> 'clawback' OR amount_minor < 0)
);
CREATE INDEX payout_adjustments_partner ON payout_adjustments(partner_id) WHERE payout_id IS NULL;
CREATE INDEX payout_adjustments_payout ON payout_adjustments(payout_id) WHERE payout_id IS NOT NULL;

-- Which payout claimed a commission: one column, so no commission can be in
-- two payouts. Set exactly while the commission is in_payout or paid.
ALTER TABLE commissions ADD COLUMN payout_id INTEGER REFERENCES payouts(id);
CREATE INDEX commissions_payout ON commissions(payout_id) WHERE payout_id IS NOT NULL;
CREATE TRIGGER commissions_payout_claim BEFORE UPDATE OF state, payout_id ON commissions
WHEN (new.state IN ('in_payout', 'paid')) <> (new.payout_id IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a commission is in a payout exactly while in_payout or paid'); END;
CREATE TRIGGER commissions_paid_with_payout BEFORE UPDATE OF state ON commissions
WHEN new.state = 'paid' AND old.state <> 'paid'
 AND (SELECT status FROM payouts WHERE id = new.payout_id) IS NOT 'paid'
BEGIN SELECT RAISE(ABORT, 'a commission is paid only with its payout'); END;

-- Files written from a run, for the timeline and to show what was sent.
CREATE TABLE payout_exports (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES payout_runs(id),
    format     TEXT NOT NULL,
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    payouts    INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- The lock. An approved run never changes; its payouts only move from
-- pending to paid or failed; its commissions only follow their payout.
CREATE TRIGGER payout_runs_locked BEFORE UPDATE ON payout_runs WHEN old.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'this payout run is approved and locked'); END;
CREATE TRIGGER payout_runs_kept BEFORE DELETE ON payout_runs
BEGIN SELECT RAISE(ABORT, 'payout runs are kept; discard a draft instead'); END;

CREATE TRIGGER payouts_locked_amounts BEFORE UPDATE OF run_id, partner_id, commissions_minor,
    clawbacks_minor, carried_minor, adjustments_minor, balance_minor, pay_minor, pay_currency,
    fx_rate, fx_source, payee_name, method, account, bic, blocked ON payouts
WHEN (SELECT status FROM payout_runs WHERE id = old.run_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'this payout belongs to an approved run and is locked'); END;
CREATE TRIGGER payouts_locked_status BEFORE UPDATE OF status, reference, failure, settled_at ON payouts
WHEN (SELECT status FROM payout_runs WHERE id = old.run_id) = 'approved'
 AND NOT (old.status = 'pending' AND new.status IN ('paid', 'failed'))
BEGIN SELECT RAISE(ABORT, 'this payout is settled; it cannot change'); END;
CREATE TRIGGER payouts_kept BEFORE DELETE ON payouts
WHEN (SELECT status FROM payout_runs WHERE id = old.run_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'this payout belongs to an approved run and is locked'); END;

CREATE TRIGGER commissions_payout_locked BEFORE UPDATE ON commissions
WHEN old.payout_id IS NOT NULL
 AND (SELECT r.status FROM payouts p JOIN payout_runs r ON r.id = p.run_id WHERE p.id = old.payout_id) = 'approved'
 AND NOT (
       new.amount_minor IS old.amount_minor AND new.partner_id = old.partner_id
   AND ((new.state = 'paid' AND new.payout_id = old.payout_id
         AND (SELECT status FROM payouts WHERE id = old.payout_id) = 'paid')
     OR (new.state = 'approved' AND new.payout_id IS NULL
         AND (SELECT status FROM payouts WHERE id = old.payout_id) = 'failed')))
BEGIN SELECT RAISE(ABORT, 'this commission is in an approved payout run and is locked'); END;

CREATE TRIGGER payout_adjustments_locked BEFORE UPDATE ON payout_adjustments
WHEN old.payout_id IS NOT NULL
 AND (SELECT r.status FROM payouts p JOIN payout_runs r ON r.id = p.run_id WHERE p.id = old.payout_id) = 'approved'
 AND NOT (new.payout_id IS NULL AND new.amount_minor = old.amount_minor
          AND (SELECT status FROM payouts WHERE id = old.payout_id) = 'failed')
BEGIN SELECT RAISE(ABORT, 'this adjustment is in an approved payout run and is locked'); END;
CREATE TRIGGER payout_adjustments_kept BEFORE DELETE ON payout_adjustments
WHEN old.payout_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'this adjustment is settled by a payout and is kept'); END;
