-- PayPal reports a payout UNCLAIMED while the recipient has not accepted it
-- (no account yet, an unconfirmed email). The money is still with PayPal,
-- so the payout stays pending (paying it again would pay twice); this keeps
-- the day it was first reported. PayPal returns it after 30 days: RETURNED,
-- which fails the payout and gives the money back to the balance. Not part
-- of the run's fingerprint or lock: it records news about a payment, not
-- what was paid.
ALTER TABLE payouts ADD COLUMN unclaimed_since TEXT;
