-- Whether the shop's prices include tax (as EU shops show them). Shopify's
-- orders export then writes a Subtotal with tax in; commissions are paid on
-- the price without tax, and refunds are brought to that same basis.
ALTER TABLE program ADD COLUMN prices_include_tax INTEGER NOT NULL DEFAULT 0
    CHECK (prices_include_tax = 0 OR prices_include_tax = 1);
