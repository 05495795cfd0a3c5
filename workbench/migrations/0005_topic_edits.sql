-- Version 5: topic_edits, the analyst's renames and merges of a topic run's topics.
--
-- Why: a topic run is the model's output and stays as it was computed (topics, unit_topics have no id
-- and are written once by the run); an analyst's edits are a layer over it, one journalled row each, so
-- undo and redo take them back like any other action and a new run starts clean.
-- A row renames `topic` to `label`, or merges `topic` into `merged_into` (then `label` is NULL).
CREATE SEQUENCE topic_edits_id START 1;
CREATE TABLE topic_edits (
    id          BIGINT PRIMARY KEY DEFAULT nextval('topic_edits_id'),
    run_id      INTEGER NOT NULL,
    topic       INTEGER NOT NULL,
    label       VARCHAR,
    merged_into INTEGER,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK ((label IS NULL) <> (merged_into IS NULL))
);
