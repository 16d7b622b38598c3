-- Which key identifies a source's items: NULL = the guid (the default); 'link' = the canonical link, for
-- feeds found to reuse guids for different links or to give the same link a new guid on every fetch.
ALTER TABLE source ADD COLUMN guid_policy VARCHAR(20);
