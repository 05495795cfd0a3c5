-- Version 9: suggest_fits, the blend the last suggest run of each scheme fitted.
--
-- Why: the command line starts a new process for every run, so a run on the same units, vectors, code
-- texts and codings as the last one refitted every final classifier (seconds per scheme) to file the same
-- suggestions. A row holds what that fit produced, under the key of what it was fitted on; a run with the
-- same key reads it and fits nothing. A cache: a run that differs in anything replaces it, and erasure
-- and pseudonymisation drop it with the cached embeddings (its words come from the texts).
CREATE TABLE suggest_fits (
    scheme     VARCHAR NOT NULL,   -- the codes' scheme ('codebook' for the project's own codes)
    key        VARCHAR NOT NULL,   -- evidence.fingerprint of what the blend was fitted on
    scores     BLOB NOT NULL,      -- .npy of float32 (units, codes with examples): the blend's scores
    words      JSON NOT NULL,      -- per unit: the words weighing for its best code against the runner-up
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
