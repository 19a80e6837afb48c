-- The US information-return threshold per year of payment: a payee paid
-- at least this much in a year (outside payment networks, which report
-- those payments themselves) needs a 1099-NEC. A year without a row takes
-- the latest earlier one. Editable (`partnerbook settings tax-threshold`).
CREATE TABLE tax_thresholds (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency     TEXT NOT NULL CHECK (length(currency) = 3)
);
-- $600 for payments made in 2025, $2,000 for payments from 2026.
INSERT INTO tax_thresholds (year, amount_minor, currency) VALUES (2025, 60000, 'USD'), (2026, 200000, 'USD');
