-- Each story's entry id, stored the first time it is published and never changed (see EntryIds).
-- Stories already published keep the id readers have seen: urn:feedhub:story:N.
ALTER TABLE story ADD COLUMN entry_id VARCHAR(600);
UPDATE story SET entry_id = CONCAT('urn:feedhub:story:', CAST(id AS VARCHAR(20)));
CREATE UNIQUE INDEX story_entry_id ON story (entry_id);
