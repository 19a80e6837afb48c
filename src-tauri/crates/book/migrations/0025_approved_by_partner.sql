-- The partner list's "balance due" filter: approved commission by partner,
-- read from this index alone. Partial: lines are written pending, so an
-- import pays nothing for it; approving a line adds it.
CREATE INDEX commissions_approved ON commissions(partner_id, amount_minor) WHERE state = 'approved';
