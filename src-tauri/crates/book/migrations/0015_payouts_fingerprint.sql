-- A second fingerprint over what leaves the account: each payout's amount,
-- currency, rate, method, account and payee. Every export, statement, email
-- and settlement checks it first, so a run changed outside Partnerbook after
-- approval is refused before money moves. (The run's full fingerprint also
-- covers the commissions it settles, which a failed payout gives back to the
-- balance, so it cannot be checked once a payout has failed; this one can.)
-- Runs approved before this step have none and are checked by the full one.
ALTER TABLE payout_runs ADD COLUMN payouts_fingerprint TEXT;
