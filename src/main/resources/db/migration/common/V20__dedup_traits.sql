-- Near-duplicate decisions weigh names and figures (org.feedhub.dedup.Traits): each story keeps them, in a
-- compact form, next to its fingerprint, so another instance's index reads them back without the text.
ALTER TABLE story ADD COLUMN dedup_traits VARCHAR(4000);
-- The index catches up by first_seen_at with an overlap (a late commit cannot hide behind a higher id).
CREATE INDEX story_first_seen ON story (first_seen_at);
