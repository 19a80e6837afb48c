-- Adjustment lines: when a later sale lifts a month into a higher band, or
-- a refund drops it back, or a month's target is reached or lost again, the
-- difference is a new line for the period (never a rewritten one, so paid
-- lines stay frozen). This step's hook widens the commissions' kind CHECK
-- in place (book/checks.rs): every row already satisfies the wider rule.
SELECT 1;
