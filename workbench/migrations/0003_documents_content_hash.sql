-- Version 3: documents.sha256 (64 hex characters of SHA-256) becomes content_hash, DuckDB's 64-bit
-- hash() of the stored text; duplicates are the rows with an equal content_hash AND an equal text.
--
-- Why: the digest was only ever a key for finding duplicates, and a costly one. Importing a
-- 1,000,000-row table spent about 1.2 s of CPU on it (0.55 s computing SHA-256, 0.65 s compressing
-- incompressible hex strings into the file) out of about 5.6 s (bench/import.py, docs/BENCHMARKS.md);
-- hash() costs 0.03 s and an integer column next to nothing. A 64-bit hash can collide, so it is a
-- filter, never the decision: importers compare the texts of rows whose hashes match.
--
-- hash() is DuckDB's, and DuckDB does not promise it stays the same across versions. The value of
-- hash() of a fixed probe text is kept in meta (content_hash_probe); Project.open recomputes every
-- content_hash when the running DuckDB gives another value (workbench/project.py).
--
-- The table is rebuilt rather than altered so that content_hash takes sha256's place in the column
-- order and no dropped column's bytes stay in the file.
CREATE TABLE documents_v3 (
    id           BIGINT NOT NULL DEFAULT nextval('documents_id'),
    source_id    INTEGER NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('call', 'email', 'chat', 'interview', 'survey', 'other')),
    title        VARCHAR,
    text         VARCHAR NOT NULL,          -- normalised once (NFC, LF, no BOM/control chars); never updated
    lang         VARCHAR,
    occurred_at  TIMESTAMP,
    n_chars      INTEGER NOT NULL,          -- length in code points
    content_hash UBIGINT NOT NULL,          -- hash(text): finds duplicate candidates; equal texts decide
    position     INTEGER                    -- row / message / file index inside its source
);
INSERT INTO documents_v3 (id, source_id, kind, title, text, lang, occurred_at, n_chars, content_hash, position)
SELECT id, source_id, kind, title, text, lang, occurred_at, n_chars, hash(text), position FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v3 RENAME TO documents;
INSERT OR REPLACE INTO meta VALUES ('content_hash_probe', CAST(hash('verbatim-workbench content hash probe') AS VARCHAR));
