-- EU self-billing: with it on, every payout a run approves is an invoice
-- the business issues on the partner's behalf, numbered in one unbroken
-- sequence per book, and says "reverse charge" where the partner is a
-- business in another EU state. Both are fixed at approval, so a statement
-- written again is the same invoice.
ALTER TABLE program ADD COLUMN country TEXT NOT NULL DEFAULT ''
    CHECK (country = '' OR length(country) = 2);
ALTER TABLE program ADD COLUMN self_billing INTEGER NOT NULL DEFAULT 0
    CHECK (self_billing = 0 OR self_billing = 1);
ALTER TABLE payouts ADD COLUMN invoice_number INTEGER;
ALTER TABLE payouts ADD COLUMN reverse_charge INTEGER NOT NULL DEFAULT 0
    CHECK (reverse_charge = 0 OR reverse_charge = 1);
CREATE UNIQUE INDEX payouts_invoice_number ON payouts(invoice_number) WHERE invoice_number IS NOT NULL;
