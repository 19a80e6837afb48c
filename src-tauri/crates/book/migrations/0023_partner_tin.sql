-- The taxpayer id a partner gives on a W-9 (SSN or EIN, in its US layout)
-- or a W-8BEN (their own country's number), kept whole for a 1099-NEC.
-- Only the partner's form field shows it whole; see partners::tin.
ALTER TABLE partners ADD COLUMN tin TEXT NOT NULL DEFAULT '';
