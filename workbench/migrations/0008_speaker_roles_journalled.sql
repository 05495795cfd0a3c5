-- Version 8: speaker_roles, the analyst's corrections of the roles detected from speaker labels.
--
-- Why: they were one JSON value in `meta`, written outside the journal, so Edit > Undo after correcting
-- a role took back the action before it instead. One journalled row per corrected label makes the
-- correction an action like any other (undone, redone, in the audit trail).
CREATE SEQUENCE speaker_roles_id START 1;
CREATE TABLE speaker_roles (
    id    BIGINT PRIMARY KEY DEFAULT nextval('speaker_roles_id'),
    label VARCHAR NOT NULL,
    role  VARCHAR NOT NULL CHECK (role IN ('client', 'agent', 'other'))
);
INSERT INTO speaker_roles (label, role)
SELECT unnest(map_keys(roles)), unnest(map_values(roles))
FROM (SELECT CAST(value::JSON AS MAP(VARCHAR, VARCHAR)) AS roles FROM meta WHERE key = 'speaker_roles');
DELETE FROM meta WHERE key = 'speaker_roles';
