-- Sync with partner platforms (PartnerStack, Rewardful). A connection is a
-- name, a platform and a base URL; its keys live in the OS keychain, never
-- in the book, which the manager may copy or send to an accountant.
CREATE TABLE sync_connections (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    platform   TEXT NOT NULL CHECK (platform IN ('partnerstack', 'rewardful')),
    base_url   TEXT NOT NULL CHECK (base_url LIKE 'http%'),
    created_at TEXT NOT NULL
);

-- How far sync has got, per connection and resource. A run that stops
-- half-way keeps its filter and the last page's cursor, so the next sync
-- goes on from there; a finished run moves the high-water mark.
CREATE TABLE sync_state (
    connection_id INTEGER NOT NULL REFERENCES sync_connections(id) ON DELETE CASCADE,
    resource      TEXT NOT NULL,
    -- The newest platform `updated_at` (epoch ms) of a finished run.
    high_water    INTEGER,
    -- The `min_updated` of the run under way, and its cursor (the last key
    -- saved); both NULL between runs.
    run_since     INTEGER,
    cursor        TEXT,
    run_high      INTEGER,
    started_at    TEXT,
    finished_at   TEXT,
    last_error    TEXT NOT NULL DEFAULT '',
    -- What the last run did (a JSON object of counts).
    counts        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
    PRIMARY KEY (connection_id, resource)
) WITHOUT ROWID;

-- Each platform record and the row it became here. `synced` holds the
-- platform-owned fields as last brought in: a field that differs from it
-- both here and on the platform was edited on both sides (a conflict).
CREATE TABLE sync_map (
    connection_id  INTEGER NOT NULL REFERENCES sync_connections(id) ON DELETE CASCADE,
    resource       TEXT NOT NULL,
    remote_key     TEXT NOT NULL,
    local_id       INTEGER,
    remote_updated INTEGER NOT NULL,
    synced         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(synced)),
    -- Why the record was not brought in ('' when it was).
    skipped        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (connection_id, resource, remote_key)
) WITHOUT ROWID;
CREATE INDEX sync_map_local ON sync_map(connection_id, resource, local_id);

-- Fields edited both here and on the platform since the last sync, and
-- which value was kept.
CREATE TABLE sync_conflicts (
    id            INTEGER PRIMARY KEY,
    connection_id INTEGER NOT NULL REFERENCES sync_connections(id) ON DELETE CASCADE,
    resource      TEXT NOT NULL,
    remote_key    TEXT NOT NULL,
    local_id      INTEGER,
    field         TEXT NOT NULL,
    ours          TEXT NOT NULL,
    theirs        TEXT NOT NULL,
    kept          TEXT NOT NULL CHECK (kept IN ('platform', 'ours')),
    at            TEXT NOT NULL
);
CREATE INDEX sync_conflicts_connection ON sync_conflicts(connection_id, id);

-- The commissions the platform computed (PartnerStack rewards, Rewardful
-- commissions), kept beside ours and never mixed with them: `sync compare`
-- sets the two side by side.
CREATE TABLE platform_rewards (
    connection_id   INTEGER NOT NULL REFERENCES sync_connections(id) ON DELETE CASCADE,
    remote_key      TEXT NOT NULL,
    partner_id      INTEGER REFERENCES partners(id) ON DELETE SET NULL,
    partner_key     TEXT NOT NULL DEFAULT '',
    transaction_key TEXT NOT NULL DEFAULT '',
    amount_minor    INTEGER NOT NULL,
    currency        TEXT NOT NULL CHECK (length(currency) = 3),
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'hold', 'paid', 'unknown')),
    -- The platform's own word for the status, kept as given.
    status_text     TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    earned_at       TEXT NOT NULL,
    PRIMARY KEY (connection_id, remote_key)
) WITHOUT ROWID;
CREATE INDEX platform_rewards_partner ON platform_rewards(partner_id, earned_at);

-- Platform records we keep as data only (leads, deals), as the platform
-- sent them.
CREATE TABLE platform_records (
    connection_id INTEGER NOT NULL REFERENCES sync_connections(id) ON DELETE CASCADE,
    resource      TEXT NOT NULL,
    remote_key    TEXT NOT NULL,
    body          TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (connection_id, resource, remote_key)
) WITHOUT ROWID;
