-- Version 6: refi_identities, the identity and history another QDA tool gave a document, a coder or a
-- coding, kept by the REFI-QDA import and written back by the export.
--
-- Why: a project that goes to NVivo, MAXQDA or QualCoder and comes back must stay the same project
-- there: the tools recognise a source, a user or a coded selection by its GUID, and show when and by
-- whom a source was created. The project's own tables have no place for those (a coding's GUID is its
-- <Coding>'s; the <PlainTextSelection> around it has another), so they are kept beside them, one row per
-- thing that came with an identity; things made here get derived GUIDs at export, as before.
-- `created` is the creationDateTime exactly as the archive wrote it, time zone offset included; `name`
-- the name a source had there, which an untitled document keeps in later exports.
CREATE TABLE refi_identities (
    kind       VARCHAR NOT NULL CHECK (kind IN ('document', 'coder', 'coding')),
    target_id  BIGINT NOT NULL,    -- documents.id, coders.id or codings.id
    guid       VARCHAR NOT NULL,   -- the source's, user's or selection's GUID
    name       VARCHAR,            -- a source's name
    created    VARCHAR,            -- xsd:dateTime as written by the tool
    created_by VARCHAR             -- GUID of the creating user
);
