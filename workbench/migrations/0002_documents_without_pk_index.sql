-- Version 2: documents.id loses its PRIMARY KEY (and with it the ART index DuckDB maintains for it).
--
-- Why: the index is updated for every inserted row and written at commit; importing a 1,000,000-row
-- table spent about 0.3 s of CPU on it (of about 6 s, bench/import.py), and kept it in memory. Nothing
-- relies on it: no foreign key or ON CONFLICT targets documents, ids come from the documents_id
-- sequence or from a block reserved from it (workbench/ingest/store.py), and lookups by id use DuckDB's
-- zone maps (min/max per row group), which are tight because ids are assigned in insertion order:
-- `SELECT ... WHERE id = ?` on a 1,000,000-document project takes about the same time without it
-- (figures in docs/BENCHMARKS.md, "Import").
--
-- DuckDB cannot drop a primary key in place: the table is rebuilt with the same columns in the same
-- order, the same defaults and checks, id NOT NULL, and the rows copied in their order.
CREATE TABLE documents_v2 (
    id          BIGINT NOT NULL DEFAULT nextval('documents_id'),
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
INSERT INTO documents_v2 (id, source_id, kind, title, text, lang, occurred_at, n_chars, sha256, position)
SELECT id, source_id, kind, title, text, lang, occurred_at, n_chars, sha256, position FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
