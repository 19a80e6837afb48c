-- The book: program settings, the partner CRM, its search index and the audit log.
-- Timestamps are RFC 3339 UTC text; money is integer minor units.

CREATE TABLE program (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    program_name         TEXT NOT NULL CHECK (length(trim(program_name)) > 0),
    business_name        TEXT NOT NULL DEFAULT '',
    address              TEXT NOT NULL DEFAULT '',
    tax_id               TEXT NOT NULL DEFAULT '',
    base_currency        TEXT NOT NULL CHECK (length(base_currency) = 3),
    rounding             TEXT NOT NULL DEFAULT 'half_up' CHECK (rounding IN ('half_up', 'half_even')),
    hold_days            INTEGER NOT NULL DEFAULT 30 CHECK (hold_days BETWEEN 0 AND 3650),
    minimum_payout_minor INTEGER NOT NULL DEFAULT 0 CHECK (minimum_payout_minor >= 0),
    cookie_window_days   INTEGER NOT NULL DEFAULT 30 CHECK (cookie_window_days BETWEEN 1 AND 3650),
    attribution          TEXT NOT NULL DEFAULT 'last_touch' CHECK (attribution IN ('first_touch', 'last_touch')),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE partners (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    first_name        TEXT NOT NULL DEFAULT '',
    -- ASCII folding of the name ("Łukasz" -> "lukasz") so sorting is alphabetical for people.
    sort_key          TEXT NOT NULL,
    email             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (instr(email, '@') > 1),
    company           TEXT NOT NULL DEFAULT '',
    website           TEXT NOT NULL DEFAULT '',
    social_profiles   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(social_profiles) AND json_type(social_profiles) = 'array'),
    country           TEXT NOT NULL DEFAULT '' CHECK (country = '' OR length(country) = 2),
    language          TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('applicant', 'active', 'paused', 'rejected', 'terminated')),
    group_id          INTEGER REFERENCES groups(id) ON DELETE SET NULL,
    parent_id         INTEGER REFERENCES partners(id) ON DELETE SET NULL CHECK (parent_id IS NULL OR parent_id <> id),
    custom_fields     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom_fields) AND json_type(custom_fields) = 'object'),
    payout_method     TEXT NOT NULL DEFAULT 'none' CHECK (payout_method IN ('none', 'paypal', 'wise', 'iban', 'other')),
    payout_email      TEXT NOT NULL DEFAULT '',
    iban              TEXT NOT NULL DEFAULT '',
    bic               TEXT NOT NULL DEFAULT '',
    payout_other      TEXT NOT NULL DEFAULT '',
    payout_currency   TEXT NOT NULL CHECK (length(payout_currency) = 3),
    tax_status        TEXT NOT NULL DEFAULT 'none' CHECK (tax_status IN ('none', 'w9', 'w8ben', 'vat')),
    tax_form_expires  TEXT,
    vat_id            TEXT NOT NULL DEFAULT '',
    terms_version     TEXT NOT NULL DEFAULT '',
    terms_accepted_at TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK (tax_status <> 'w8ben' OR tax_form_expires IS NOT NULL),
    CHECK (tax_status <> 'vat' OR length(vat_id) > 0)
);
CREATE INDEX partners_sort ON partners(sort_key, id);
CREATE INDEX partners_created ON partners(created_at, id);
CREATE INDEX partners_updated ON partners(updated_at, id);
CREATE INDEX partners_status ON partners(status, sort_key, id);
CREATE INDEX partners_country ON partners(country, sort_key, id);
CREATE INDEX partners_group ON partners(group_id, sort_key, id);
CREATE INDEX partners_parent ON partners(parent_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
);

CREATE TABLE partner_tags (
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_tags_partner ON partner_tags(partner_id);

-- Referral codes, coupon codes and link ids: one namespace per book, so any
-- code a customer brings names exactly one partner.
CREATE TABLE partner_codes (
    id         INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('referral', 'coupon', 'link')),
    code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 2 AND 64)
);
CREATE INDEX partner_codes_partner ON partner_codes(partner_id);

-- The partner's timeline: notes, status changes, later emails and payouts.
CREATE TABLE activities (
    id         INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'status', 'note', 'email', 'payout')),
    actor      TEXT NOT NULL CHECK (actor IN ('user', 'import', 'sync', 'system')),
    summary    TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activities_partner ON activities(partner_id, at, id);

-- Who changed what, when, with the values before and after. Append-only.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL CHECK (actor IN ('user', 'import', 'sync', 'system')),
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    action    TEXT NOT NULL,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Full-text search over everything a person might type to find a partner,
-- plus one hidden "facets" column of filter tokens (xstatusactive, xgroup3,
-- xcountryfr, xtag12) so filters and counts are posting-list intersections
-- instead of row lookups: at 100,000 partners that is the difference between
-- milliseconds and tens of milliseconds.
CREATE VIRTUAL TABLE partner_search USING fts5(
    name, email, company, website, codes, tags, facets,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE VIEW partner_search_source AS
SELECT p.id AS id, p.name || ' ' || p.sort_key AS name, p.email, p.company, p.website,
       (SELECT group_concat(c.code, ' ') FROM partner_codes c WHERE c.partner_id = p.id) AS codes,
       (SELECT group_concat(t.name, ' ') FROM partner_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE pt.partner_id = p.id) AS tags,
       'xstatus' || p.status || ' xgroup' || coalesce(p.group_id, 'none')
         || ' xcountry' || CASE WHEN p.country = '' THEN 'none' ELSE lower(p.country) END
         || coalesce((SELECT ' ' || group_concat('xtag' || pt.tag_id, ' ') FROM partner_tags pt
                       WHERE pt.partner_id = p.id), '') AS facets
FROM partners p;

-- A partner's search row is written once, by the core, after the partner
-- and its codes and tags are saved (partners/store.rs, refresh_search):
-- one write per partner instead of one per code and tag, which made imports
-- three times slower. These triggers cover the changes made elsewhere.
CREATE TRIGGER partners_search_delete AFTER DELETE ON partners BEGIN
    DELETE FROM partner_search WHERE rowid = old.id;
END;
-- A deleted group sets group_id to NULL through its foreign key.
CREATE TRIGGER partners_search_group AFTER UPDATE OF group_id ON partners
WHEN old.group_id IS NOT new.group_id BEGIN
    UPDATE partner_search SET facets = (SELECT facets FROM partner_search_source WHERE id = new.id)
     WHERE rowid = new.id;
END;
CREATE TRIGGER tags_search_rename AFTER UPDATE OF name ON tags BEGIN
    UPDATE partner_search SET tags = (SELECT s.tags FROM partner_search_source s WHERE s.id = partner_search.rowid)
     WHERE rowid IN (SELECT partner_id FROM partner_tags WHERE tag_id = new.id);
END;
