-- A topic's page of one tag (/topics/ID?tag=T) finds the tag's stories from the tag, not by
-- probing every story of the topic.
CREATE INDEX story_tag_by_tag ON story_tag (tag, story_id);
