-- Version 4: documents.text is stored with DuckDB's ZSTD compression instead of the compression DuckDB
-- picks by itself (DICT_FSST for text).
--
-- Why: writing the text was the largest single cost of importing a big table, and ZSTD writes it
-- faster and no larger. On the 1,000,000 verbatims of bench/import.py (111 MB of text), measured by
-- bench/text_storage.py: 0.28 s against 0.43 s for the insert (best of 3), 30.7 MB against 33.6 MB
-- of file; on Banking77's 10,003 real customer messages, 0.5 MB against 0.8 MB. The price is on
-- reads, which are rare and small next to what follows them (segmenting, embedding, exporting): a
-- full scan of the million texts 0.082 s against 0.054 s, fetching one text by id 0.71 ms against
-- 0.60 ms (docs/BENCHMARKS.md).
--
-- DuckDB cannot change a column's compression in place, so the table is rebuilt, as in version 3.
CREATE TABLE documents_v4 (
    id           BIGINT NOT NULL DEFAULT nextval('documents_id'),
    source_id    INTEGER NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('call', 'email', 'chat', 'interview', 'survey', 'other')),
    title        VARCHAR,
    text         VARCHAR USING COMPRESSION zstd NOT NULL, -- normalised once (NFC, LF, no BOM/control chars); never updated
    lang         VARCHAR,
    occurred_at  TIMESTAMP,
    n_chars      INTEGER NOT NULL,          -- length in code points
    content_hash UBIGINT NOT NULL,          -- hash(text): finds duplicate candidates; equal texts decide
    position     INTEGER                    -- row / message / file index inside its source
);
INSERT INTO documents_v4 (id, source_id, kind, title, text, lang, occurred_at, n_chars, content_hash, position)
SELECT id, source_id, kind, title, text, lang, occurred_at, n_chars, content_hash, position FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v4 RENAME TO documents;
