-- Chargeback reversals: a dispute the business won gives the money back,
-- and with it the commission the chargeback took. This step's hook widens
-- the conversions' kind CHECK in place (book/checks.rs): every row already
-- satisfies the wider rule. The totals count sales and refunds; a reversal
-- is neither, so their triggers are unchanged.
SELECT 1;
