-- Codebook, codings and memos.
CREATE SEQUENCE codes_id START 1;
CREATE TABLE codes (
    id             INTEGER PRIMARY KEY DEFAULT nextval('codes_id'),
    guid           VARCHAR NOT NULL UNIQUE,   -- REFI-QDA identity, kept across exports and imports
    parent_id      INTEGER,                   -- NULL for a top-level code
    key            VARCHAR,                   -- stable identifier inside its scheme (committed_partnership)
    name           VARCHAR NOT NULL,          -- in the project language
    color          VARCHAR,                   -- '#RRGGBB'
    description    VARCHAR,                   -- definition
    inclusion      VARCHAR,
    exclusion      VARCHAR,
    indicators     VARCHAR[],                 -- typical words or phrases
    examples       VARCHAR[],
    translations   JSON,                      -- {"en": {"name": …, "description": …, …}, "fr": {…}}
    attributes     JSON,                      -- scheme metadata, e.g. {"valence": 1, "intimacy": -1, …}
    scheme         VARCHAR,                   -- shipped scheme it came from, e.g. relationship_forms
    codable        BOOLEAN NOT NULL DEFAULT TRUE,
    position       INTEGER NOT NULL DEFAULT 0 -- order among siblings
);

CREATE SEQUENCE codings_id START 1;
CREATE TABLE codings (
    id            BIGINT PRIMARY KEY DEFAULT nextval('codings_id'),
    guid          VARCHAR NOT NULL,
    document_id   BIGINT NOT NULL,
    code_id       INTEGER NOT NULL,
    start_pos     INTEGER NOT NULL,
    end_pos       INTEGER NOT NULL,
    coder_id      INTEGER NOT NULL,
    origin        VARCHAR NOT NULL CHECK (origin IN ('manual', 'suggestion', 'autocode', 'import')),
    suggestion_id BIGINT,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK (start_pos >= 0 AND start_pos < end_pos)
);

CREATE SEQUENCE memos_id START 1;
CREATE TABLE memos (
    id          BIGINT PRIMARY KEY DEFAULT nextval('memos_id'),
    target_kind VARCHAR NOT NULL CHECK (target_kind IN ('project', 'document', 'coding', 'code')),
    target_id   BIGINT,
    coder_id    INTEGER,
    text        VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- REFI-QDA code sets: named selections of codes across the hierarchy (Sets/Set/MemberCode).
CREATE SEQUENCE code_sets_id START 1;
CREATE TABLE code_sets (
    id          INTEGER PRIMARY KEY DEFAULT nextval('code_sets_id'),
    guid        VARCHAR NOT NULL UNIQUE,
    name        VARCHAR NOT NULL,
    description VARCHAR
);

CREATE SEQUENCE code_set_members_id START 1;
CREATE TABLE code_set_members (
    id      INTEGER PRIMARY KEY DEFAULT nextval('code_set_members_id'),
    set_id  INTEGER NOT NULL,
    code_id INTEGER NOT NULL
);
