-- Applications and onboarding. An application is one person asking to
-- join, however many times they submitted the form: submissions with the
-- same email or website domain merge into it, each kept as history.
CREATE TABLE applications (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (instr(email, '@') > 1),
    website         TEXT NOT NULL DEFAULT '',
    -- The website's host without "www." (plus the first path segment on
    -- shared hosts such as youtube.com): what "same website" means.
    domain          TEXT NOT NULL DEFAULT '',
    social_profiles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(social_profiles) AND json_type(social_profiles) = 'array'),
    country         TEXT NOT NULL DEFAULT '' CHECK (country = '' OR length(country) = 2),
    audience_size   INTEGER CHECK (audience_size IS NULL OR audience_size >= 0),
    promotion       TEXT NOT NULL DEFAULT '',
    categories      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories) AND json_type(categories) = 'array'),
    -- Free-text answers to the form's own questions: untrusted text, shown as text only.
    answers         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers) AND json_type(answers) = 'object'),
    payout_account  TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    score           INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    red_flags       INTEGER NOT NULL DEFAULT 0,
    checks          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checks)),
    screened_at     TEXT,
    reason          TEXT,
    decided_at      TEXT,
    partner_id      INTEGER REFERENCES partners(id) ON DELETE SET NULL,
    submissions     INTEGER NOT NULL DEFAULT 1 CHECK (submissions >= 1),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK (status <> 'approved' OR partner_id IS NOT NULL)
);
CREATE INDEX applications_domain ON applications(domain) WHERE domain <> '';
CREATE INDEX applications_queue ON applications(status, score DESC, id);

CREATE TABLE application_submissions (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    received_at    TEXT NOT NULL,
    -- Where it came from: 'forms.csv line 12', 'by hand', 'sync'.
    source         TEXT NOT NULL,
    payload        TEXT NOT NULL CHECK (json_valid(payload))
);
CREATE INDEX application_submissions_app ON application_submissions(application_id, id);

-- Screening weights, program criteria and auto-approve rules, one JSON document.
ALTER TABLE program ADD COLUMN screening TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(screening));

-- Program terms, versioned; partners must have accepted the latest.
CREATE TABLE terms_versions (
    version      TEXT PRIMARY KEY CHECK (length(trim(version)) > 0),
    body         TEXT NOT NULL,
    published_at TEXT NOT NULL
);

ALTER TABLE partners ADD COLUMN approved_at TEXT;
-- When the welcome kit went out: the welcome email was sent, or the manager said so.
ALTER TABLE partners ADD COLUMN welcome_sent_at TEXT;
ALTER TABLE partners ADD COLUMN reminded_at TEXT;
-- Partners active before the checklist existed were welcomed already.
UPDATE partners SET welcome_sent_at = created_at, approved_at = created_at WHERE status IN ('active', 'paused');
