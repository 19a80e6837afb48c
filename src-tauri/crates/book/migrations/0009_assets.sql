-- The asset library. A file's bytes live in the book, once per distinct
-- content (its SHA-256): the program stays one file to copy and back up,
-- a file and its metadata are written in one transaction (an import cut
-- short leaves nothing half-stored), and identical files are stored once.
CREATE TABLE asset_blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size   INTEGER NOT NULL CHECK (size >= 0),
    -- Sniffed from the content, never from the name.
    mime   TEXT NOT NULL,
    width  INTEGER CHECK (width IS NULL OR width > 0),
    height INTEGER CHECK (height IS NULL OR height > 0),
    data   BLOB NOT NULL
);

CREATE TABLE assets (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('banner', 'image', 'document', 'email_template', 'social_post',
                                              'text_snippet', 'landing_page')),
    -- Where a landing-page link or a banner sends people.
    landing_url TEXT NOT NULL DEFAULT '',
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX assets_kind ON assets(archived, kind, id);

-- Every version of an asset; the latest is the one in use, the old ones stay.
CREATE TABLE asset_versions (
    id        INTEGER PRIMARY KEY,
    asset_id  INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    version   INTEGER NOT NULL CHECK (version >= 1),
    sha256    TEXT NOT NULL REFERENCES asset_blobs(sha256),
    -- The file's own name, reduced to one safe path component.
    file_name TEXT NOT NULL CHECK (length(file_name) > 0 AND instr(file_name, '/') = 0 AND instr(file_name, '\') = 0
                                   AND file_name NOT IN ('.', '..')),
    added_at  TEXT NOT NULL,
    UNIQUE (asset_id, version)
);
CREATE INDEX asset_versions_blob ON asset_versions(sha256);

CREATE TABLE asset_tags (
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (asset_id, tag)
) WITHOUT ROWID;
CREATE INDEX asset_tags_tag ON asset_tags(tag);

-- The groups an asset is meant for; none means every partner.
CREATE TABLE asset_groups (
    asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (asset_id, group_id)
) WITHOUT ROWID;

-- Thumbnails, made once per content and kept.
CREATE TABLE asset_thumbs (
    sha256 TEXT PRIMARY KEY REFERENCES asset_blobs(sha256) ON DELETE CASCADE,
    png    BLOB NOT NULL
);

-- Which partner was sent which version of an asset, and how.
CREATE TABLE asset_sends (
    id         INTEGER PRIMARY KEY,
    asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    via        TEXT NOT NULL CHECK (via IN ('kit', 'email')),
    sent_at    TEXT NOT NULL
);
CREATE INDEX asset_sends_asset ON asset_sends(asset_id, id);
CREATE INDEX asset_sends_partner ON asset_sends(partner_id, id);

-- Referral links: the program's site, to which each partner's code is added.
ALTER TABLE program ADD COLUMN base_url TEXT NOT NULL DEFAULT '';
