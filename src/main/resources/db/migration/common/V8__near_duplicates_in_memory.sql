-- Near-duplicate lookups moved to an in-memory index fed from story.fingerprint (see NearDuplicates): the
-- per-story band rows are no longer written or read.
DROP TABLE dedup_band;
