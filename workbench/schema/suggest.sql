-- Embedding cache, model runs, topics and code suggestions.
CREATE TABLE embeddings (
    unit_kind VARCHAR NOT NULL CHECK (unit_kind IN ('document', 'segment', 'code')),
    unit_id   BIGINT NOT NULL,
    model     VARCHAR NOT NULL,
    vector    FLOAT[] NOT NULL
);

CREATE SEQUENCE runs_id START 1;
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY DEFAULT nextval('runs_id'),
    kind        VARCHAR NOT NULL,   -- embed, topics, suggest
    model       VARCHAR,
    device      VARCHAR,
    params      JSON,
    started_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    finished_at TIMESTAMP,
    metrics     JSON
);

CREATE TABLE topics (
    run_id   INTEGER NOT NULL,
    topic    INTEGER NOT NULL,
    label    VARCHAR,
    keywords VARCHAR[],
    size     INTEGER NOT NULL,
    representatives BIGINT[]       -- unit ids closest to the topic
);

CREATE TABLE unit_topics (
    run_id      INTEGER NOT NULL,
    unit_kind   VARCHAR NOT NULL,
    unit_id     BIGINT NOT NULL,
    topic       INTEGER NOT NULL,
    probability DOUBLE
);

CREATE SEQUENCE suggestions_id START 1;
CREATE TABLE suggestions (
    id          BIGINT PRIMARY KEY DEFAULT nextval('suggestions_id'),
    run_id      INTEGER,
    document_id BIGINT NOT NULL,
    start_pos   INTEGER NOT NULL,
    end_pos     INTEGER NOT NULL,
    code_id     INTEGER NOT NULL,
    score       DOUBLE NOT NULL CHECK (score >= 0 AND score <= 1),
    explanation JSON,
    -- relabelled: the span was right but the code wrong; relabel_code_id is the code the analyst chose.
    -- Rejected and relabelled suggestions are the few-shot classifier's negative examples for code_id.
    status      VARCHAR NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'relabelled')),
    relabel_code_id INTEGER,
    unit_kind   VARCHAR,            -- the unit the suggestion scored ('document' or 'segment') and its id
    unit_id     BIGINT,
    reviewed_by INTEGER,
    reviewed_at TIMESTAMP
);
