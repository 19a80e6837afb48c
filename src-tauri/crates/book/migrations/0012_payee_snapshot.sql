-- The payee as they were when the run was approved: statements print this
-- block, not the partner's record as it is today, and the run's fingerprint
-- (scheme 2) covers it. Runs approved before this version get today's
-- details, the best there is, and keep their scheme-1 fingerprint.
ALTER TABLE payouts ADD COLUMN payee_company TEXT NOT NULL DEFAULT '';
ALTER TABLE payouts ADD COLUMN payee_email TEXT NOT NULL DEFAULT '';
ALTER TABLE payouts ADD COLUMN payee_address TEXT NOT NULL DEFAULT '';
ALTER TABLE payouts ADD COLUMN payee_country TEXT NOT NULL DEFAULT '';
ALTER TABLE payouts ADD COLUMN payee_tax_id TEXT NOT NULL DEFAULT '';
ALTER TABLE payout_runs ADD COLUMN fingerprint_scheme INTEGER NOT NULL DEFAULT 1;

UPDATE payouts SET
    payee_company = (SELECT company FROM partners WHERE id = payouts.partner_id),
    payee_email = (SELECT email FROM partners WHERE id = payouts.partner_id),
    payee_address = (SELECT address FROM partners WHERE id = payouts.partner_id),
    payee_country = (SELECT country FROM partners WHERE id = payouts.partner_id),
    payee_tax_id = (SELECT vat_id FROM partners WHERE id = payouts.partner_id);

CREATE TRIGGER payouts_locked_payee BEFORE UPDATE OF payee_company, payee_email, payee_address,
    payee_country, payee_tax_id ON payouts
WHEN (SELECT status FROM payout_runs WHERE id = old.run_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'this payout belongs to an approved run and is locked'); END;
