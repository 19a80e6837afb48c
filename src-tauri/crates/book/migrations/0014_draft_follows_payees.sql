-- A draft payout run follows the partners it pays. Any change to what a
-- payout depends on (name, status, method, account, currency, tax form,
-- terms, welcome, the manager's hold) marks the partner here while a draft
-- exists; the payouts crate rebuilds those lines (and those of partners who
-- shared the old or new account) before the draft is shown or approved, so
-- an approved run never pays an account the partner no longer has.
CREATE TABLE draft_stale (partner_id INTEGER PRIMARY KEY);

CREATE TRIGGER partners_payee_changed AFTER UPDATE ON partners
WHEN EXISTS (SELECT 1 FROM payout_runs WHERE status = 'draft')
 AND (old.name IS NOT new.name OR old.status IS NOT new.status
      OR old.payout_method IS NOT new.payout_method OR old.payout_email IS NOT new.payout_email
      OR old.iban IS NOT new.iban OR old.bic IS NOT new.bic OR old.payout_other IS NOT new.payout_other
      OR old.payout_currency IS NOT new.payout_currency OR old.tax_status IS NOT new.tax_status
      OR old.tax_form_expires IS NOT new.tax_form_expires OR old.terms_version IS NOT new.terms_version
      OR old.welcome_sent_at IS NOT new.welcome_sent_at OR old.payout_hold IS NOT new.payout_hold)
BEGIN INSERT OR IGNORE INTO draft_stale (partner_id) VALUES (new.id); END;

-- A new minimum payout changes who is paid: every line of the draft.
CREATE TRIGGER program_minimum_changed AFTER UPDATE OF minimum_payout_minor ON program
WHEN old.minimum_payout_minor IS NOT new.minimum_payout_minor
BEGIN
    INSERT OR IGNORE INTO draft_stale (partner_id)
    SELECT p.partner_id FROM payouts p JOIN payout_runs r ON r.id = p.run_id WHERE r.status = 'draft';
END;
