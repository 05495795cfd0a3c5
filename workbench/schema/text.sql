-- Search index and pseudonymisation mapping (workbench/text/tokens.py, workbench/search.py).
-- Words are stored once in `terms` (lower-cased, accent-folded) and tokens refer to them by id: integer
-- comparisons scan tens of millions of rows fast, and `tokens` is kept sorted by lemma_id (see
-- tokens.compact) so that DuckDB's min/max zone maps skip every row group that cannot hold the lemma.
CREATE TABLE terms (
    id   INTEGER NOT NULL,
    text VARCHAR NOT NULL              -- folded lemma or folded surface form
);
-- Every query word is looked up by text; the table only grows by appends of new words.
CREATE UNIQUE INDEX terms_text ON terms (text);

-- The distinct (surface form, lemma) pairs seen in the corpus: a query word is looked up here to find
-- every lemma it can stand for, without scanning `tokens`.
CREATE TABLE forms (
    form_id  INTEGER NOT NULL,
    lemma_id INTEGER NOT NULL
);

-- tokens.position is the token's index inside its document, for phrase queries.
CREATE TABLE tokens (
    document_id BIGINT NOT NULL,
    position    INTEGER NOT NULL,
    start_pos   INTEGER NOT NULL,
    end_pos     INTEGER NOT NULL,
    lemma_id    INTEGER NOT NULL,   -- terms.id of the lower-cased, accent-folded lemma
    form_id     INTEGER NOT NULL    -- terms.id of the lower-cased, accent-folded surface form
);

CREATE VIEW token_text AS
SELECT t.document_id, t.position, t.start_pos, t.end_pos, l.text AS lemma, f.text AS folded
FROM tokens t JOIN terms l ON l.id = t.lemma_id JOIN terms f ON f.id = t.form_id;

-- One row per document the text pipeline has processed (language, sentences, tokens): what makes
-- `workbench segment` resumable and incremental after a new import.
CREATE TABLE text_status (
    document_id  BIGINT NOT NULL,
    lang         VARCHAR NOT NULL,
    n_sentences  INTEGER NOT NULL,
    n_tokens     INTEGER NOT NULL,
    processed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Kept only for reversible pseudonymisation; `workbench pseudonymise --forget` empties it.
CREATE TABLE pseudonyms (
    kind        VARCHAR NOT NULL,   -- person, email, phone, iban, card, address, customer, contract, …
    token       VARCHAR NOT NULL,   -- the original text
    replacement VARCHAR NOT NULL    -- e.g. [PERSONNE_12]
);

-- Replacement counters and the folded-original -> replacement keys that keep replacements consistent
-- within a project. `key` is a salted hash of the folded original, never the original itself, so an
-- irreversible project keeps nothing that reads back to a person.
CREATE TABLE pseudonym_keys (
    kind        VARCHAR NOT NULL,
    key         VARCHAR NOT NULL,
    replacement VARCHAR NOT NULL
);
