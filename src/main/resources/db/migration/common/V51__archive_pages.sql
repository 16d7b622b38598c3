-- RFC 5005 archive pages: a story's place in its topic's archive, numbered 1, 2, 3 … in the order stories
-- joined the topic, and kept (a topic-rule edit keeps it for stories that stay). Page N of a topic with
-- limit L holds the places (N-1)*L+1 .. N*L, so pages never overlap and a story never moves to another page.
-- NULL until numbered (ArchiveSequence numbers them, in row order, before a topic's archive is read).
ALTER TABLE topic_story ADD COLUMN archive_seq BIGINT;
CREATE UNIQUE INDEX topic_story_archive ON topic_story (topic_id, archive_seq);

-- What each published representation last was (a hash of its content, whatever the base URL) and since
-- when: its Last-Modified moves only when the content does, not when feeds.yml is re-read.
CREATE TABLE feed_state (
    feed_key    VARCHAR(300) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64)  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
