-- Sales, refunds and commission summed per partner, currency and span (a
-- month "2026-11", a year "2026", or "" for all time), so the home screen
-- and the partner list read a year of a 100,000-partner book without
-- summing a million conversions. partner_id 0 holds unattributed sales and
-- -1 the whole program's attributed ones. It changes in the same
-- transaction as the conversions and commission lines it sums: each change
-- is noted in totals_pending (triggers on update and delete; the inserting
-- code for inserts, see below) and the book folds the notes into totals
-- before every commit (book::totals::settle).
-- `ledger::totals::drift` sums it all again (tests, `partnerbook check`).
-- A sale counts in the UTC month it happened; a commission line in its
-- sale's (a line without one, in its due day's), as the program report
-- counts them.
CREATE TABLE totals (
    span             TEXT NOT NULL CHECK (length(span) = 0 OR length(span) = 4 OR length(span) = 7),
    partner_id       INTEGER NOT NULL,
    currency         TEXT NOT NULL CHECK (length(currency) = 3),
    -- Sales and renewals.
    sales            INTEGER NOT NULL DEFAULT 0,
    revenue_minor    INTEGER NOT NULL DEFAULT 0,
    -- Refunds and chargebacks (amounts positive).
    refunds          INTEGER NOT NULL DEFAULT 0,
    refunded_minor   INTEGER NOT NULL DEFAULT 0,
    -- Commission, two-tier, bonus and adjustment lines in force.
    earned_minor     INTEGER NOT NULL DEFAULT 0,
    -- Reversal and clawback lines in force (negative amounts).
    given_back_minor INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (span, partner_id, currency)
) WITHOUT ROWID;

-- Changes not yet folded into totals: per partner, month and currency.
-- Empty outside a writing transaction.
CREATE TABLE totals_pending (
    partner_id       INTEGER NOT NULL,
    month            TEXT NOT NULL,
    currency         TEXT NOT NULL,
    sales            INTEGER NOT NULL DEFAULT 0,
    revenue_minor    INTEGER NOT NULL DEFAULT 0,
    refunds          INTEGER NOT NULL DEFAULT 0,
    refunded_minor   INTEGER NOT NULL DEFAULT 0,
    earned_minor     INTEGER NOT NULL DEFAULT 0,
    given_back_minor INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, month, currency)
) WITHOUT ROWID;

-- Triggers written without IN lists over strings, which SQLite evaluates
-- through a temporary table on every row (see 0010).
-- No INSERT triggers: the code that inserts notes the row itself
-- (book::totals::note_conversion, note_line). A writing INSERT trigger
-- makes SQLite keep a statement journal for every insert.

CREATE TRIGGER totals_sale_out AFTER DELETE ON conversions BEGIN
    INSERT INTO totals_pending (partner_id, month, currency, sales, revenue_minor, refunds, refunded_minor)
    SELECT coalesce(old.partner_id, 0), substr(old.occurred_at, 1, 7), old.currency,
           -((old.kind = 'sale' OR old.kind = 'recurring')), -CASE WHEN (old.kind = 'sale' OR old.kind = 'recurring') THEN old.amount_minor ELSE 0 END,
           -((old.kind = 'refund' OR old.kind = 'chargeback')), -CASE WHEN (old.kind = 'refund' OR old.kind = 'chargeback') THEN old.amount_minor ELSE 0 END
     WHERE old.currency IS NOT NULL AND ((old.kind = 'sale' OR old.kind = 'recurring') OR (old.kind = 'refund' OR old.kind = 'chargeback'))
    ON CONFLICT DO UPDATE SET sales = sales + excluded.sales, revenue_minor = revenue_minor + excluded.revenue_minor,
        refunds = refunds + excluded.refunds, refunded_minor = refunded_minor + excluded.refunded_minor;
END;

-- A change of what counts (deleting a partner sets partner_id NULL) moves
-- the sale out of its old row and into its new one; a new date moves its
-- commission lines with it.
CREATE TRIGGER totals_sale_moved AFTER UPDATE OF partner_id, kind, occurred_at, amount_minor, currency ON conversions
WHEN old.partner_id IS NOT new.partner_id OR old.kind <> new.kind OR old.occurred_at <> new.occurred_at
  OR old.amount_minor <> new.amount_minor OR old.currency IS NOT new.currency
BEGIN
    INSERT INTO totals_pending (partner_id, month, currency, sales, revenue_minor, refunds, refunded_minor)
    SELECT coalesce(old.partner_id, 0), substr(old.occurred_at, 1, 7), old.currency,
           -((old.kind = 'sale' OR old.kind = 'recurring')), -CASE WHEN (old.kind = 'sale' OR old.kind = 'recurring') THEN old.amount_minor ELSE 0 END,
           -((old.kind = 'refund' OR old.kind = 'chargeback')), -CASE WHEN (old.kind = 'refund' OR old.kind = 'chargeback') THEN old.amount_minor ELSE 0 END
     WHERE old.currency IS NOT NULL AND ((old.kind = 'sale' OR old.kind = 'recurring') OR (old.kind = 'refund' OR old.kind = 'chargeback'))
    ON CONFLICT DO UPDATE SET sales = sales + excluded.sales, revenue_minor = revenue_minor + excluded.revenue_minor,
        refunds = refunds + excluded.refunds, refunded_minor = refunded_minor + excluded.refunded_minor;
    INSERT INTO totals_pending (partner_id, month, currency, sales, revenue_minor, refunds, refunded_minor)
    SELECT coalesce(new.partner_id, 0), substr(new.occurred_at, 1, 7), new.currency,
           ((new.kind = 'sale' OR new.kind = 'recurring')), CASE WHEN (new.kind = 'sale' OR new.kind = 'recurring') THEN new.amount_minor ELSE 0 END,
           ((new.kind = 'refund' OR new.kind = 'chargeback')), CASE WHEN (new.kind = 'refund' OR new.kind = 'chargeback') THEN new.amount_minor ELSE 0 END
     WHERE new.currency IS NOT NULL AND ((new.kind = 'sale' OR new.kind = 'recurring') OR (new.kind = 'refund' OR new.kind = 'chargeback'))
    ON CONFLICT DO UPDATE SET sales = sales + excluded.sales, revenue_minor = revenue_minor + excluded.revenue_minor,
        refunds = refunds + excluded.refunds, refunded_minor = refunded_minor + excluded.refunded_minor;
END;

CREATE TRIGGER totals_sale_redated AFTER UPDATE OF occurred_at ON conversions
WHEN old.occurred_at <> new.occurred_at
BEGIN
    INSERT INTO totals_pending (partner_id, month, currency, earned_minor, given_back_minor)
    SELECT k.partner_id, substr(old.occurred_at, 1, 7), k.currency,
           -sum(CASE WHEN (k.kind = 'reversal' OR k.kind = 'clawback') THEN 0 ELSE k.amount_minor END),
           -sum(CASE WHEN (k.kind = 'reversal' OR k.kind = 'clawback') THEN k.amount_minor ELSE 0 END)
      FROM commissions k
     WHERE k.conversion_id = old.id AND k.amount_minor IS NOT NULL AND k.state <> 'declined' AND k.state <> 'reversed'
     GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
        given_back_minor = given_back_minor + excluded.given_back_minor;
    INSERT INTO totals_pending (partner_id, month, currency, earned_minor, given_back_minor)
    SELECT k.partner_id, substr(new.occurred_at, 1, 7), k.currency,
           sum(CASE WHEN (k.kind = 'reversal' OR k.kind = 'clawback') THEN 0 ELSE k.amount_minor END),
           sum(CASE WHEN (k.kind = 'reversal' OR k.kind = 'clawback') THEN k.amount_minor ELSE 0 END)
      FROM commissions k
     WHERE k.conversion_id = new.id AND k.amount_minor IS NOT NULL AND k.state <> 'declined' AND k.state <> 'reversed'
     GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
        given_back_minor = given_back_minor + excluded.given_back_minor;
END;

CREATE TRIGGER totals_line_out AFTER DELETE ON commissions BEGIN
    INSERT INTO totals_pending (partner_id, month, currency, earned_minor, given_back_minor)
    SELECT old.partner_id,
           substr(coalesce((SELECT occurred_at FROM conversions WHERE id = old.conversion_id), old.due_on), 1, 7),
           old.currency,
           -CASE WHEN (old.kind = 'reversal' OR old.kind = 'clawback') THEN 0 ELSE old.amount_minor END,
           -CASE WHEN (old.kind = 'reversal' OR old.kind = 'clawback') THEN old.amount_minor ELSE 0 END
     WHERE old.amount_minor IS NOT NULL AND old.state <> 'declined' AND old.state <> 'reversed'
    ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
        given_back_minor = given_back_minor + excluded.given_back_minor;
END;

-- Approving or paying a line changes nothing here; declining, reversing,
-- recomputing or moving it does.
CREATE TRIGGER totals_line_moved
AFTER UPDATE OF amount_minor, state, kind, partner_id, currency, due_on, conversion_id ON commissions
WHEN old.amount_minor IS NOT new.amount_minor OR old.kind <> new.kind OR old.partner_id <> new.partner_id
  OR old.currency <> new.currency OR old.due_on <> new.due_on OR old.conversion_id IS NOT new.conversion_id
  OR (old.state = 'declined' OR old.state = 'reversed') <> (new.state = 'declined' OR new.state = 'reversed')
BEGIN
    INSERT INTO totals_pending (partner_id, month, currency, earned_minor, given_back_minor)
    SELECT old.partner_id,
           substr(coalesce((SELECT occurred_at FROM conversions WHERE id = old.conversion_id), old.due_on), 1, 7),
           old.currency,
           -CASE WHEN (old.kind = 'reversal' OR old.kind = 'clawback') THEN 0 ELSE old.amount_minor END,
           -CASE WHEN (old.kind = 'reversal' OR old.kind = 'clawback') THEN old.amount_minor ELSE 0 END
     WHERE old.amount_minor IS NOT NULL AND old.state <> 'declined' AND old.state <> 'reversed'
    ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
        given_back_minor = given_back_minor + excluded.given_back_minor;
    INSERT INTO totals_pending (partner_id, month, currency, earned_minor, given_back_minor)
    SELECT new.partner_id,
           substr(coalesce((SELECT occurred_at FROM conversions WHERE id = new.conversion_id), new.due_on), 1, 7),
           new.currency,
           CASE WHEN (new.kind = 'reversal' OR new.kind = 'clawback') THEN 0 ELSE new.amount_minor END,
           CASE WHEN (new.kind = 'reversal' OR new.kind = 'clawback') THEN new.amount_minor ELSE 0 END
     WHERE new.amount_minor IS NOT NULL AND new.state <> 'declined' AND new.state <> 'reversed'
    ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
        given_back_minor = given_back_minor + excluded.given_back_minor;
END;


-- What the book already holds: months from the rows, years and all time
-- from the months, the program from its partners.
INSERT INTO totals (span, partner_id, currency, sales, revenue_minor, refunds, refunded_minor)
SELECT substr(occurred_at, 1, 7), coalesce(partner_id, 0), currency,
       sum(kind = 'sale' OR kind = 'recurring'),
       sum(CASE WHEN kind = 'sale' OR kind = 'recurring' THEN amount_minor ELSE 0 END),
       sum(kind = 'refund' OR kind = 'chargeback'),
       sum(CASE WHEN kind = 'refund' OR kind = 'chargeback' THEN amount_minor ELSE 0 END)
  FROM conversions
 WHERE currency IS NOT NULL AND (kind = 'sale' OR kind = 'recurring' OR kind = 'refund' OR kind = 'chargeback')
 GROUP BY 1, 2, 3;
INSERT INTO totals (span, partner_id, currency, earned_minor, given_back_minor)
SELECT substr(coalesce(c.occurred_at, k.due_on), 1, 7), k.partner_id, k.currency,
       sum(CASE WHEN k.kind = 'reversal' OR k.kind = 'clawback' THEN 0 ELSE k.amount_minor END),
       sum(CASE WHEN k.kind = 'reversal' OR k.kind = 'clawback' THEN k.amount_minor ELSE 0 END)
  FROM commissions k LEFT JOIN conversions c ON c.id = k.conversion_id
 WHERE k.amount_minor IS NOT NULL AND k.state <> 'declined' AND k.state <> 'reversed'
 GROUP BY 1, 2, 3
ON CONFLICT DO UPDATE SET earned_minor = earned_minor + excluded.earned_minor,
    given_back_minor = given_back_minor + excluded.given_back_minor;
INSERT INTO totals
SELECT substr(span, 1, 4), partner_id, currency, sum(sales), sum(revenue_minor), sum(refunds),
       sum(refunded_minor), sum(earned_minor), sum(given_back_minor)
  FROM totals WHERE length(span) = 7 GROUP BY 1, 2, 3;
INSERT INTO totals
SELECT '', partner_id, currency, sum(sales), sum(revenue_minor), sum(refunds),
       sum(refunded_minor), sum(earned_minor), sum(given_back_minor)
  FROM totals WHERE length(span) = 4 GROUP BY 1, 2, 3;
INSERT INTO totals
SELECT span, -1, currency, sum(sales), sum(revenue_minor), sum(refunds),
       sum(refunded_minor), sum(earned_minor), sum(given_back_minor)
  FROM totals WHERE partner_id > 0 GROUP BY 1, 2, 3;

-- New customers by the day of their first sale.
CREATE INDEX customers_first_sale ON customers(first_sale_at, partner_id) WHERE first_sale_at IS NOT NULL;
-- New partners by the day they were approved (the home screen's counts and funnel).
CREATE INDEX partners_approved ON partners(approved_at) WHERE approved_at IS NOT NULL;
-- The partner list sorted by money of all time: walked in value order.
CREATE INDEX totals_by_revenue ON totals(currency, revenue_minor, partner_id) WHERE span = '';
CREATE INDEX totals_by_commission ON totals(currency, earned_minor + given_back_minor, partner_id) WHERE span = '';
