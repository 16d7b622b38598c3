-- Near-duplicate lookup across sources (MinHash with LSH bands, see org.feedhub.dedup.Fingerprint): each
-- recent story's 32 band keys, (band << 32 | band value), so a lookup is one IN-list over an index whatever
-- the number of stored stories. Only stories within the dedup window of now are kept here (retention trims it).
ALTER TABLE story ADD COLUMN fingerprint VARCHAR(256);
CREATE TABLE dedup_band (
    band_key BIGINT NOT NULL,
    story_id BIGINT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, story_id)
);
CREATE INDEX dedup_band_story ON dedup_band (story_id);
