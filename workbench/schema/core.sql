-- Core tables: project metadata, coders, imported sources and documents with their case variables.
-- Offsets everywhere are Unicode code points into documents.text, which never changes after import.
-- Columns are named start_pos/end_pos because END is a reserved word in SQL.
CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE SEQUENCE coders_id START 1;
CREATE TABLE coders (
    id         INTEGER PRIMARY KEY DEFAULT nextval('coders_id'),
    name       VARCHAR NOT NULL UNIQUE,
    role       VARCHAR NOT NULL CHECK (role IN ('analyst', 'trainer', 'trainee', 'reference', 'model')),
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE sources_id START 1;
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY DEFAULT nextval('sources_id'),
    kind        VARCHAR NOT NULL,          -- file family: csv, xlsx, eml, mbox, msg, txt, docx, vtt, srt, qdpx
    name        VARCHAR NOT NULL,          -- file name as the user sees it
    origin      VARCHAR NOT NULL,          -- absolute path at import time
    sha256      VARCHAR NOT NULL UNIQUE,   -- of the file bytes: the same file is never imported twice
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- No index on sha256 or source_id: ART indexes slow bulk imports of millions of rows; lookups are hash joins.
CREATE SEQUENCE documents_id START 1;
CREATE TABLE documents (
    id          BIGINT PRIMARY KEY DEFAULT nextval('documents_id'),
    source_id   INTEGER NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('call', 'email', 'chat', 'interview', 'survey', 'other')),
    title       VARCHAR,
    text        VARCHAR NOT NULL,          -- normalised once (NFC, LF, no BOM/control chars); never updated
    lang        VARCHAR,
    occurred_at TIMESTAMP,
    n_chars     INTEGER NOT NULL,          -- length in code points
    sha256      VARCHAR NOT NULL,          -- of the normalised text: duplicates are skipped at import
    position    INTEGER                    -- row / message / file index inside its source
);

-- Parts of a document kept but not coded: quoted replies and signatures of e-mails, headers.
CREATE TABLE document_parts (
    document_id BIGINT NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('quoted', 'signature', 'header', 'attachment')),
    text        VARCHAR NOT NULL
);

CREATE SEQUENCE variables_id START 1;
CREATE TABLE variables (
    id   INTEGER PRIMARY KEY DEFAULT nextval('variables_id'),
    name VARCHAR NOT NULL UNIQUE,
    type VARCHAR NOT NULL CHECK (type IN ('integer', 'float', 'date', 'text', 'boolean'))
);

-- Values are stored as text in a canonical form (integers as digits, floats with '.', dates ISO 8601)
-- and cast with TRY_CAST according to variables.type when filtering.
CREATE TABLE document_values (
    document_id BIGINT NOT NULL,
    variable_id INTEGER NOT NULL,
    value       VARCHAR
);

-- Sentences, speaker turns and paragraphs. Transcript timestamps in seconds when the source had them.
CREATE SEQUENCE segments_id START 1;
CREATE TABLE segments (
    id          BIGINT PRIMARY KEY DEFAULT nextval('segments_id'),
    document_id BIGINT NOT NULL,
    start_pos   INTEGER NOT NULL,
    end_pos     INTEGER NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('sentence', 'turn', 'paragraph')),
    speaker     VARCHAR,
    t_start     DOUBLE,
    t_end       DOUBLE,
    CHECK (start_pos >= 0 AND start_pos < end_pos)
);

-- Every change a user makes, for undo/redo and the audit trail (see workbench/journal.py).
CREATE SEQUENCE journal_id START 1;
CREATE TABLE journal (
    id         BIGINT PRIMARY KEY DEFAULT nextval('journal_id'),
    happened_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    coder_id   INTEGER,
    action     VARCHAR NOT NULL,
    payload    JSON NOT NULL,
    undone     BOOLEAN NOT NULL DEFAULT FALSE,
    superseded BOOLEAN NOT NULL DEFAULT FALSE  -- an undone action that a newer action made impossible to redo
);
