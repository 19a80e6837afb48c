-- Conversions, customers and their attribution; FX rates; commission plans
-- (effective-dated versions of rules kept as JSON data); commissions with
-- their states guarded by the database itself.

CREATE TABLE customers (
    id                 INTEGER PRIMARY KEY,
    source             TEXT NOT NULL,
    external_id        TEXT NOT NULL,
    email              TEXT NOT NULL DEFAULT '',
    -- The partner this customer belongs to once a sale was attributed:
    -- recurring payments and refunds follow it.
    partner_id         INTEGER REFERENCES partners(id) ON DELETE SET NULL,
    first_sale_at      TEXT,
    created_at         TEXT NOT NULL,
    UNIQUE (source, external_id)
);
CREATE INDEX customers_partner ON customers(partner_id);

-- Where a partner touched a customer (a click, lead or signup carrying a
-- code): later sales inside the cookie window go to the first or last touch.
CREATE TABLE touches (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    partner_id    INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    conversion_id INTEGER NOT NULL,
    UNIQUE (conversion_id)
);
CREATE INDEX touches_customer ON touches(customer_id, at);

CREATE TABLE conversions (
    id                  INTEGER PRIMARY KEY,
    source              TEXT NOT NULL,
    external_id         TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('click', 'lead', 'signup', 'trial', 'sale', 'recurring', 'refund', 'chargeback')),
    occurred_at         TEXT NOT NULL,
    customer_id         INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    -- Money in minor units of `currency`; refunds and chargebacks carry the
    -- amount given back, as a positive number.
    amount_minor        INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    currency            TEXT CHECK (currency IS NULL OR length(currency) = 3),
    quantity            INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
    product             TEXT NOT NULL DEFAULT '',
    -- What the file said about who referred it, kept as given.
    referral_code       TEXT NOT NULL DEFAULT '',
    coupon_code         TEXT NOT NULL DEFAULT '',
    link_id             TEXT NOT NULL DEFAULT '',
    partner_key         TEXT NOT NULL DEFAULT '',
    -- A refund or chargeback names the sale it gives money back for.
    original_external_id TEXT NOT NULL DEFAULT '',
    original_id         INTEGER REFERENCES conversions(id) ON DELETE SET NULL,
    partner_id          INTEGER REFERENCES partners(id) ON DELETE SET NULL,
    attribution         TEXT NOT NULL CHECK (attribution IN
                          ('referral_code', 'coupon', 'link', 'partner_key', 'customer', 'touch', 'original', 'none')),
    -- Set once the commission engine has dealt with it (NULL while a
    -- commission is held, e.g. waiting for an FX rate).
    computed_at         TEXT,
    created_at          TEXT NOT NULL,
    UNIQUE (source, external_id),
    CHECK (kind IN ('click', 'lead', 'signup', 'trial') OR currency IS NOT NULL),
    CHECK (partner_id IS NOT NULL OR attribution = 'none')
);
CREATE INDEX conversions_partner ON conversions(partner_id, occurred_at);
CREATE INDEX conversions_time ON conversions(occurred_at, id);
CREATE INDEX conversions_customer ON conversions(customer_id, occurred_at);
CREATE INDEX conversions_original ON conversions(source, original_external_id) WHERE original_external_id <> '';
CREATE INDEX conversions_to_compute ON conversions(occurred_at, id) WHERE computed_at IS NULL AND partner_id IS NOT NULL;

-- Exchange rates: 1 `base` = `rate` `quote` on `day`.
CREATE TABLE fx_rates (
    day     TEXT NOT NULL,
    base    TEXT NOT NULL CHECK (length(base) = 3),
    quote   TEXT NOT NULL CHECK (length(quote) = 3),
    rate    TEXT NOT NULL CHECK (CAST(rate AS REAL) > 0),
    source  TEXT NOT NULL,
    PRIMARY KEY (day, base, quote)
) WITHOUT ROWID;

CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE plan_versions (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    version        INTEGER NOT NULL CHECK (version >= 1),
    effective_from TEXT NOT NULL,
    rules          TEXT NOT NULL CHECK (json_valid(rules)),
    created_at     TEXT NOT NULL,
    UNIQUE (plan_id, version),
    UNIQUE (plan_id, effective_from)
);

ALTER TABLE groups ADD COLUMN plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL;
-- A partner may be on another plan than their group's.
ALTER TABLE partners ADD COLUMN plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL;

CREATE TABLE commissions (
    id              INTEGER PRIMARY KEY,
    partner_id      INTEGER NOT NULL REFERENCES partners(id),
    -- NULL for lines not tied to one conversion (target bonuses).
    conversion_id   INTEGER REFERENCES conversions(id),
    -- Stable name of the line for its conversion, so re-running the engine
    -- updates rather than duplicates: 'direct', 'parent', 'reversal:17'…
    line            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('commission', 'two_tier', 'bonus', 'reversal', 'clawback')),
    plan_version_id INTEGER REFERENCES plan_versions(id),
    rule_id         TEXT NOT NULL DEFAULT '',
    -- How the amount was reached, for `explain`: base × rate + flat, in the
    -- conversion's currency, times the FX rate, rounded once.
    base_minor      INTEGER,
    base_currency   TEXT,
    rate            TEXT,
    flat_minor      INTEGER,
    fx_rate         TEXT,
    fx_source       TEXT,
    rounding        TEXT NOT NULL CHECK (rounding IN ('half_up', 'half_even')),
    detail          TEXT NOT NULL DEFAULT '',
    amount_minor    INTEGER,
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'in_payout', 'paid', 'declined', 'reversed')),
    -- Why it cannot be computed or approved yet (a missing FX rate).
    hold_reason     TEXT,
    due_on          TEXT NOT NULL,
    related_id      INTEGER REFERENCES commissions(id),
    decline_reason  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (partner_id, conversion_id, line),
    CHECK (amount_minor IS NOT NULL OR (hold_reason IS NOT NULL AND state = 'pending')),
    CHECK (state <> 'declined' OR decline_reason IS NOT NULL),
    CHECK (kind NOT IN ('reversal', 'clawback') OR related_id IS NOT NULL)
);
CREATE INDEX commissions_partner ON commissions(partner_id, state);
CREATE INDEX commissions_conversion ON commissions(conversion_id);
CREATE INDEX commissions_state ON commissions(state, due_on);
CREATE UNIQUE INDEX commissions_bonus_line ON commissions(partner_id, line) WHERE conversion_id IS NULL;

-- The allowed state changes (the core's commissions::state module says the
-- same in Rust); paid commissions never change at all.
CREATE TRIGGER commissions_state_flow BEFORE UPDATE OF state ON commissions
WHEN old.state <> new.state AND NOT (
       (old.state = 'pending'   AND new.state IN ('approved', 'declined', 'reversed'))
    OR (old.state = 'approved'  AND new.state IN ('in_payout', 'declined', 'reversed'))
    OR (old.state = 'in_payout' AND new.state IN ('paid', 'approved'))
)
BEGIN SELECT RAISE(ABORT, 'commission state change not allowed'); END;
CREATE TRIGGER commissions_paid_frozen BEFORE UPDATE ON commissions WHEN old.state = 'paid'
BEGIN SELECT RAISE(ABORT, 'a paid commission never changes'); END;
CREATE TRIGGER commissions_no_delete BEFORE DELETE ON commissions WHEN old.state NOT IN ('pending')
BEGIN SELECT RAISE(ABORT, 'only pending commissions can be deleted'); END;

-- A plan version that produced commissions is never edited, only superseded.
CREATE TRIGGER plan_versions_frozen BEFORE UPDATE ON plan_versions
WHEN EXISTS (SELECT 1 FROM commissions WHERE plan_version_id = old.id)
BEGIN SELECT RAISE(ABORT, 'this plan version has produced commissions; add a new version instead'); END;
CREATE TRIGGER plan_versions_kept BEFORE DELETE ON plan_versions
WHEN EXISTS (SELECT 1 FROM commissions WHERE plan_version_id = old.id)
BEGIN SELECT RAISE(ABORT, 'this plan version has produced commissions and is kept'); END;
