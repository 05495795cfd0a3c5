-- Search index and pseudonymisation mapping.
-- tokens.position is the token's index inside its document, for phrase queries.
CREATE TABLE tokens (
    document_id BIGINT NOT NULL,
    position    INTEGER NOT NULL,
    start_pos   INTEGER NOT NULL,
    end_pos     INTEGER NOT NULL,
    lemma       VARCHAR NOT NULL,   -- lower-cased, accent-folded lemma
    folded      VARCHAR NOT NULL    -- lower-cased, accent-folded surface form
);

-- Kept only for reversible pseudonymisation; `workbench pseudonymise --forget` empties it.
CREATE TABLE pseudonyms (
    kind        VARCHAR NOT NULL,   -- person, email, phone, iban, card, address, customer_id, …
    token       VARCHAR NOT NULL,   -- the original text
    replacement VARCHAR NOT NULL    -- e.g. [PERSONNE_12]
);
