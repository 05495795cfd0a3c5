-- Version 7: a call kept whole as one unit is embedded as the customer's words of the call, no longer
-- as the whole transcript (workbench/suggest/units.py). The vectors cached for such units
-- under the old text are dropped, so that the next run embeds the new one instead of reusing them.
DELETE FROM embeddings
WHERE unit_kind = 'document'
  AND unit_id IN (SELECT DISTINCT document_id FROM segments WHERE kind = 'turn');
